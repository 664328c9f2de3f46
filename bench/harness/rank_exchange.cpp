#include "bench/harness/rank_exchange.hpp"

#include <time.h>

namespace mpibench {

void broadcast(MPI_Comm comm, std::string& text, int root) {
  unsigned long long size = text.size();
  broadcast(comm, size, root);
  text.resize(size);
  mpi_check(MPI_Bcast(text.data(), static_cast<int>(size), MPI_CHAR, root, comm));
}

std::vector<std::string> gather_strings(MPI_Comm comm, const std::string& mine, int root) {
  int rank = 0;
  int size = 0;
  mpi_check(MPI_Comm_rank(comm, &rank));
  mpi_check(MPI_Comm_size(comm, &size));
  int length = static_cast<int>(mine.size());
  std::vector<int> lengths(rank == root ? size : 0);
  mpi_check(MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, root, comm));
  std::vector<int> offsets(lengths.size());
  int total = 0;
  for (std::size_t i = 0; i < lengths.size(); ++i) {
    offsets[i] = total;
    total += lengths[i];
  }
  std::string all(static_cast<std::size_t>(total), '\0');
  mpi_check(MPI_Gatherv(mine.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(),
                        MPI_CHAR, root, comm));
  std::vector<std::string> strings;
  for (std::size_t i = 0; i < lengths.size(); ++i) {
    strings.push_back(all.substr(static_cast<std::size_t>(offsets[i]),
                                 static_cast<std::size_t>(lengths[i])));
  }
  return strings;
}

std::vector<std::string> allgather_strings(MPI_Comm comm, const std::string& mine) {
  int rank = 0;
  mpi_check(MPI_Comm_rank(comm, &rank));
  auto strings = gather_strings(comm, mine);
  // Lengths first, then the text: the strings may hold any byte.
  std::vector<int> lengths;
  std::string all;
  for (const auto& s : strings) {
    lengths.push_back(static_cast<int>(s.size()));
    all += s;
  }
  int count = static_cast<int>(lengths.size());
  broadcast(comm, count);
  lengths.resize(static_cast<std::size_t>(count));
  mpi_check(MPI_Bcast(lengths.data(), count, MPI_INT, 0, comm));
  broadcast(comm, all);
  if (rank == 0) return strings;
  std::size_t at = 0;
  for (const int length : lengths) {
    strings.push_back(all.substr(at, static_cast<std::size_t>(length)));
    at += static_cast<std::size_t>(length);
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

void quiet_barrier(MPI_Comm comm) {
  MPI_Request request = MPI_REQUEST_NULL;
  mpi_check(MPI_Ibarrier(comm, &request));
  int done = 0;
  const timespec pause{0, 500'000};
  for (;;) {
    mpi_check(MPI_Test(&request, &done, MPI_STATUS_IGNORE));
    if (done) return;
    nanosleep(&pause, nullptr);
  }
}

}  // namespace mpibench
