#pragma once
#include <cstdlib>
#include <string_view>

namespace mpibench {

// This process's rank as the launcher numbered it, read from the environment, for the
// commands that never initialize MPI (--help, list, compare): under mpiexec -n N they run N
// times, and only rank 0 speaks. 0 when no launcher set one.
inline int launcher_rank() {
  for (const char* name : {"PMI_RANK", "OMPI_COMM_WORLD_RANK", "PMIX_RANK", "SLURM_PROCID"}) {
    if (const char* value = std::getenv(name)) return std::atoi(value);
  }
  return 0;
}

}  // namespace mpibench
