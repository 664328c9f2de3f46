#pragma once
#include <mpi.h>

#include <source_location>
#include <stdexcept>

namespace mpibench {

// A failing MPI call. Ranks may disagree about it, so main() aborts the job on it.
class MpiError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

[[noreturn]] void throw_mpi_error(int rc, const std::source_location& where);

// Turns an MPI return code into an MpiError naming the call site. Communicators made by
// mpibench use MPI_ERRORS_RETURN so that errors reach this check instead of aborting.
// Inline so that the timed loops pay one predictable branch per call, nothing more.
inline void mpi_check(int rc, std::source_location where = std::source_location::current()) {
  if (rc != MPI_SUCCESS) [[unlikely]] throw_mpi_error(rc, where);
}

}  // namespace mpibench
