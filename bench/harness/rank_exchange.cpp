#include "bench/harness/rank_exchange.hpp"

#include <time.h>

#include <cstring>

#include "toolkit/simulation.hpp"

namespace mpibench {

void broadcast(MPI_Comm comm, std::string& text, int root) {
  unsigned long long size = text.size();
  broadcast(comm, size, root);
  text.resize(size);
  mpi_check(MPI_Bcast(text.data(), static_cast<int>(size), MPI_CHAR, root, comm));
}

std::vector<std::string> gather_strings(MPI_Comm comm, const std::string& mine, int root) {
  // Every string padded to the longest (its length in front), in one gather: a gather is a
  // tree, where MPI_Gatherv is linear (SMPI waits on its p requests one at a time, hours at
  // 16 384 simulated ranks).
  int rank = 0;
  int size = 0;
  mpi_check(MPI_Comm_rank(comm, &rank));
  mpi_check(MPI_Comm_size(comm, &size));
  std::uint64_t longest = mine.size();
  mpi_check(MPI_Allreduce(MPI_IN_PLACE, &longest, 1, MPI_UINT64_T, MPI_MAX, comm));
  const std::size_t block = sizeof(std::uint64_t) + static_cast<std::size_t>(longest);
  std::string padded(block, '\0');
  const std::uint64_t length = mine.size();
  std::memcpy(padded.data(), &length, sizeof length);
  std::memcpy(padded.data() + sizeof length, mine.data(), mine.size());
  std::string all(rank == root ? block * static_cast<std::size_t>(size) : 0, '\0');
  mpi_check(MPI_Gather(padded.data(), static_cast<int>(block), MPI_CHAR, all.data(), static_cast<int>(block), MPI_CHAR,
                       root, comm));
  std::vector<std::string> strings;
  for (std::size_t at = 0; at < all.size(); at += block) {
    std::uint64_t n = 0;
    std::memcpy(&n, all.data() + at, sizeof n);
    strings.emplace_back(all.data() + at + sizeof n, static_cast<std::size_t>(n));
  }
  return strings;
}

std::optional<std::string> agree_on_problem(MPI_Comm comm,
                                            const std::optional<std::string>& mine) {
  int rank = 0;
  int size = 0;
  mpi_check(MPI_Comm_rank(comm, &rank));
  mpi_check(MPI_Comm_size(comm, &size));
  int first = mine ? rank : size;
  mpi_check(MPI_Allreduce(MPI_IN_PLACE, &first, 1, MPI_INT, MPI_MIN, comm));
  if (first == size) return std::nullopt;
  std::string message = mine.value_or("");
  broadcast(comm, message, first);
  return message;
}

void quiet_barrier(MPI_Comm comm, void (*while_waiting)()) {
  // Simulated ranks take no real core while they wait; SMPI's non-blocking barrier is linear.
  if constexpr (simulated) {
    mpi_check(MPI_Barrier(comm));
    return;
  }
  MPI_Request request = MPI_REQUEST_NULL;
  mpi_check(MPI_Ibarrier(comm, &request));
  int done = 0;
  const timespec pause{0, 500'000};
  for (;;) {
    mpi_check(MPI_Test(&request, &done, MPI_STATUS_IGNORE));
    if (done) return;
    if (while_waiting != nullptr) while_waiting();
    nanosleep(&pause, nullptr);
  }
}

}  // namespace mpibench
