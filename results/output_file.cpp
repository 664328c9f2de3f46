#include "results/output_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "bench/errors.hpp"

namespace mpibench {

FilePtr open_output_file(const std::string& path) {
  FilePtr file(std::fopen(path.c_str(), "w"));
  if (!file) {
    throw UsageError(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
  }
  return file;
}

}  // namespace mpibench
