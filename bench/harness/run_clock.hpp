#pragma once
// The run's clock: the same kind on every rank, and (with --sync window) each rank's offset
// against rank 0 for the metadata.
#include <mpi.h>

#include <string>

#include "bench/harness/run_config.hpp"
#include "toolkit/clock.hpp"

namespace mpibench {

// Collective: rank 0 compares the candidates, the others measure its choice.
Clock agreed_clock(MPI_Comm world, int rank);

// Collective: with --sync window, "spread S; 1:+x 2:+y" in microseconds (rank 0 only);
// otherwise empty.
std::string clock_offsets_text(const RunConfig& config, MPI_Comm world, const Clock& clock, int rank);

}  // namespace mpibench
