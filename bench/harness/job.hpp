#pragma once
#include "bench/harness/run_config.hpp"
#include "toolkit/errors.hpp"

namespace mpibench {

// A whole run, collective over MPI_COMM_WORLD: checks that can only be made with MPI
// (ranks, memory, output path), metadata, the sweeps of every pattern, the writers. Throws
// UsageError before any output file exists, RunError after (the output then ends with
// `# incomplete: …`), on every rank alike. Returns exit_ok, or exit_verdict_failed when the
// run completed and a verdict the options made a gate failed (the same on every rank).
ExitCode run_job(const RunConfig& config);

}  // namespace mpibench
