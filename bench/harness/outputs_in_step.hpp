#pragma once
// Rank 0 writes every output; these keep the other ranks in step with what happened to it.
#include <mpi.h>

#include <functional>

#include "bench/harness/run_config.hpp"
#include "results/outputs.hpp"

namespace mpibench {

// Rank 0 writes every output. Opening them is the last check before a run: if one cannot
// be opened, nothing is created or deleted.
// Runs `write` on rank 0 and makes a write failure every rank's RunError.
Outputs open_outputs(const RunConfig& config, MPI_Comm world, int rank);
void write_in_step(MPI_Comm world, int rank, const std::function<void()>& write);

}  // namespace mpibench
