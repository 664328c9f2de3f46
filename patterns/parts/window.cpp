#include "patterns/parts/window.hpp"

#include "bench/toolkit/mpi_check.hpp"

namespace mpibench {

void post_window_receives(std::span<std::byte> buffer, std::size_t bytes, bool shared, int from,
                          int tag, MPI_Comm comm, std::span<MPI_Request> requests) {
  const int count = static_cast<int>(bytes);
  for (std::size_t w = 0; w < requests.size(); ++w) {
    std::byte* slot = buffer.data() + (shared ? 0 : w * bytes);
    mpi_check(MPI_Irecv(slot, count, MPI_BYTE, from, tag, comm, &requests[w]));
  }
}

void post_window_sends(std::span<std::byte> buffer, int to, int tag, MPI_Comm comm,
                       std::span<MPI_Request> requests) {
  const int count = static_cast<int>(buffer.size());
  for (MPI_Request& request : requests) {
    mpi_check(MPI_Isend(buffer.data(), count, MPI_BYTE, to, tag, comm, &request));
  }
}

}  // namespace mpibench
