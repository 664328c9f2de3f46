#pragma once
// The patterns of a run as stages: each with its communicator (the ranks taking part) and,
// on those ranks, its instance; and the checks of the sizes that need the instances.
#include <mpi.h>

#include <memory>
#include <vector>

#include "bench/harness/placement.hpp"
#include "bench/harness/run_config.hpp"
#include "bench/harness/run_plan.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {

// This rank's part of one stage of the run plan: the pattern, the sizes it measures (in
// some repeat's order), and where this rank takes part, its group's communicator (this
// rank's rank in it is its place in the group) and the pattern's instance.
struct Stage {
  const PatternDefinition* definition = nullptr;
  std::vector<std::uint64_t> sizes;
  MPI_Comm comm = MPI_COMM_NULL;
  std::unique_ptr<Pattern> pattern;
  bool relays = false;  // a group is led by a rank other than 0: its rows go to rank 0
  bool is_world = false;  // comm is the job's world, not a communicator of the stage's own
  // The options its pattern is made with, where a pattern made of steps sets its own for
  // them (PatternDefinition::step_options); null: the run's.
  std::shared_ptr<const OptionValues> options;
};

// Collective over `world`: each rank's part of every stage of `plan` (given on rank 0 only),
// one header broadcast and one scatter of group and place per stage.
std::vector<Stage> make_stages(const RunPlan* plan, MPI_Comm world, BufferProvider& buffers, const RunConfig& config);

// The most ranks a stage keeps busy at once, and whether they are more than a machine's
// cores (placement.oversubscribed): ranks without a part in a stage wait without spinning,
// so they take no core from it. Decided on rank 0 from `plan` (null elsewhere), told to all.
void judge_busy_ranks(const RunPlan* plan, MPI_Comm world, Placement& placement);

// Frees the stages' communicators (a run that completes; a failed one aborts instead).
void free_stages(std::vector<Stage>& stages);

// Collective: throws UsageError on every rank when a size cannot run (see stages.cpp).
void check_sizes(const std::vector<Stage>& stages, const RunConfig& config,
                 const Placement& placement, MPI_Comm world);

// How many (size, variant, repeat) the run measures, as rank 0 counts them (it takes part
// in every pattern, so it knows every variant); collective.
std::size_t count_configurations(const std::vector<Stage>& stages, const RunConfig& config, MPI_Comm world);

}  // namespace mpibench
