#pragma once
// The measured part of a run: metadata, every pattern's sweep (repeated as asked), the
// run-to-run summary.
#include <mpi.h>

#include <optional>
#include <string>
#include <vector>

#include "bench/harness/pattern_selection.hpp"
#include "bench/harness/placement.hpp"
#include "bench/harness/run_config.hpp"
#include "bench/harness/run_plan.hpp"
#include "bench/harness/stages.hpp"
#include "bench/harness/run_limit.hpp"
#include "toolkit/clock.hpp"
#include "results/outputs.hpp"

namespace mpibench {

// What the run found out before it started measuring.
struct RunSetting {
  MPI_Comm world;
  int rank;
  Placement placement;
  Clock clock;
  std::string clock_offsets;  // clock_offsets_text(); empty without --sync window
  RunLimit limit;
  std::size_t configurations;
};

// How the measured part ended: a failure all ranks agree on (a validation mismatch, a row
// that could not be written, the time limit) as its message; or complete, with the message
// of a verdict that fails the run (linkmap --fail-on-outliers) when there is one.
struct MeasuredRun {
  std::optional<std::string> failure;
  std::optional<std::string> verdict_failure;
};

// Collective over setting.world; `plan` is rank 0's (null elsewhere). A write failure of the metadata or the summary is thrown
// as RunError.
MeasuredRun measure_stages(const RunConfig& config, const Selection& selection, const RunPlan* plan,
                           const RunSetting& setting,
                           std::vector<Stage>& stages, Outputs& outputs);

}  // namespace mpibench
