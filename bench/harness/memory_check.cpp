#include "bench/harness/memory_check.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include "toolkit/mpi_check.hpp"

namespace mpibench {

std::optional<std::uint64_t> available_memory_bytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string line;
  while (std::getline(meminfo, line)) {
    if (line.rfind("MemAvailable:", 0) == 0) {
      std::istringstream fields(line.substr(13));
      std::uint64_t kib = 0;
      if (fields >> kib) return kib * 1024;
    }
  }
  return std::nullopt;
}

std::optional<MemoryShortfall> check_node_memory(MPI_Comm node_comm, std::uint64_t my_bytes,
                                                 std::optional<std::uint64_t> limit_bytes) {
  unsigned long long needed = my_bytes;
  unsigned long long largest = my_bytes;
  mpi_check(MPI_Allreduce(MPI_IN_PLACE, &needed, 1, MPI_UNSIGNED_LONG_LONG, MPI_SUM, node_comm));
  mpi_check(MPI_Allreduce(MPI_IN_PLACE, &largest, 1, MPI_UNSIGNED_LONG_LONG, MPI_MAX, node_comm));
  if (limit_bytes && needed > *limit_bytes) return MemoryShortfall{needed, *limit_bytes, true, largest};
  const auto available = available_memory_bytes();
  if (!available) return std::nullopt;
  // 90%: leave room for the MPI library's own buffers and the rest of the system.
  const auto usable = static_cast<unsigned long long>(static_cast<double>(*available) * 0.9);
  if (needed <= usable) return std::nullopt;
  return MemoryShortfall{needed, *available, false, largest};
}

}  // namespace mpibench
