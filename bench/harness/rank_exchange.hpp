#pragma once
// Small exchanges that keep ranks in agreement: rank 0 decides and broadcasts, and a problem
// one rank finds becomes the same error on every rank.
#include <mpi.h>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "toolkit/mpi_check.hpp"

namespace mpibench {

template <class T>
void broadcast(MPI_Comm comm, T& value, int root = 0) {
  static_assert(std::is_trivially_copyable_v<T>);
  mpi_check(MPI_Bcast(&value, sizeof(T), MPI_BYTE, root, comm));
}

void broadcast(MPI_Comm comm, std::string& text, int root = 0);

template <class T>
void broadcast(MPI_Comm comm, std::vector<T>& values, int root = 0) {
  static_assert(std::is_trivially_copyable_v<T>);
  std::uint64_t count = values.size();
  broadcast(comm, count, root);
  values.resize(static_cast<std::size_t>(count));
  // Nothing to send is no call: SMPI's bcast algorithms divide by the message size.
  if (count > 0) mpi_check(MPI_Bcast(values.data(), static_cast<int>(count * sizeof(T)), MPI_BYTE, root, comm));
}

// Every rank's string, in rank order, on `root`; empty elsewhere.
std::vector<std::string> gather_strings(MPI_Comm comm, const std::string& mine, int root = 0);

// Collective. When any rank has a problem, every rank gets the message of the lowest such
// rank; otherwise nothing.
std::optional<std::string> agree_on_problem(MPI_Comm comm, const std::optional<std::string>& mine);

// A barrier that sleeps while it waits: ranks with nothing to do must not busy-poll on
// cores the measured ranks need (MPICH spins in MPI_Barrier). `while_waiting`, when given,
// is called between its looks (every half millisecond).
void quiet_barrier(MPI_Comm comm, void (*while_waiting)() = nullptr);

}  // namespace mpibench
