#pragma once
#include "bench/clock.hpp"
#include "bench/placement.hpp"
#include "bench/run_config.hpp"
#include "results/record.hpp"

namespace mpibench {

// What makes a result reproducible and comparable: the MPI library, the machine and the
// placement of ranks, the clock, the build, the measurement settings, the command line,
// the date, and the MPI-related environment. Called on rank 0 (placement is complete there).
Metadata collect_metadata(const RunConfig& config, const Placement& placement, const Clock& clock);

}  // namespace mpibench
