#include "toolkit/mpi_check.hpp"

#include <fmt/format.h>

namespace mpibench {

void throw_mpi_error(int rc, const std::source_location& where) {
  char text[MPI_MAX_ERROR_STRING] = {};
  int length = 0;
  MPI_Error_string(rc, text, &length);
  throw MpiError(fmt::format("MPI call failed in {} ({}:{}): {}", where.function_name(),
                             where.file_name(), where.line(), std::string_view(text, length)));
}

}  // namespace mpibench
