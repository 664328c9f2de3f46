#include "patterns/parts/window.hpp"

#include <fmt/format.h>

#include "toolkit/mpi_check.hpp"
#include "toolkit/payload.hpp"

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

WindowedStream::WindowedStream(const PatternContext& context, int directions)
    : OperationPattern(context), window_(static_cast<int>(context.options.integer(window_option))),
      directions_(directions),
      shared_(context.options.text(receive_buffers_option) == "shared"),
      requests_(static_cast<std::size_t>(directions * window_)) {}

Record WindowedStream::configuration_cells(std::size_t) const {
  Record cells;
  cells.set("window", std::int64_t{window_}).set("receive_buffers", std::string(shared_ ? "shared" : "separate"));
  return cells;
}

void WindowedStream::poison_slots(std::uint64_t expected) {
  for (int w = 0; w < slots(); ++w) poison_payload(block(recv_, bytes_, w), expected);
}

std::optional<Mismatch> WindowedStream::check_slots(std::uint64_t expected, int from) const {
  for (int w = 0; w < slots(); ++w) {
    if (const auto offset = first_mismatch(block(recv_, bytes_, w), expected)) {
      return Mismatch{*offset, fmt::format("message {} of the window from rank {}", w, from)};
    }
  }
  return std::nullopt;
}

}  // namespace mpibench
