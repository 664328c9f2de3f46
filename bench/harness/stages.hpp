#pragma once
// The patterns of a run as stages: each with its communicator (the ranks taking part) and,
// on those ranks, its instance; and the checks of the sizes that need the instances.
#include <mpi.h>

#include <memory>
#include <vector>

#include "bench/harness/placement.hpp"
#include "bench/harness/run_config.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {

// One group of ranks measuring a stage's pattern, and the cells its rows carry besides.
struct StageGroup {
  std::vector<int> members;  // world ranks, in the pattern's rank order; members[0] leads
  Record cells;              // a step's cells (linkmap's link); empty for a plain pattern
  bool same_host = true;     // every member on one host
};

// One measurement of the run: a pattern on one or more groups of ranks at once (several
// only in a step of a pattern made of steps) and, on the ranks that take part, their
// group's communicator and instance.
struct Stage {
  const PatternDefinition* definition = nullptr;  // the pattern measured
  const PatternDefinition* owner = nullptr;       // the pattern of the run it is part of
  std::vector<std::uint64_t> sizes;               // a step's own sizes; empty: the run's
  std::vector<StageGroup> groups;
  std::size_t my_group = 0;                       // meaningful where `pattern` is set
  MPI_Comm comm = MPI_COMM_NULL;
  std::unique_ptr<Pattern> pattern;

  std::vector<std::uint64_t> sizes_to_measure(const RunConfig& config) const {
    return sizes.empty() ? definition->sizes_to_measure(config.sizes) : sizes;
  }
};

// Collective over `world`: a communicator per pattern, and the pattern on its members.
// Throws UsageError on every rank alike when a pattern's options name ranks it cannot have.
std::vector<Stage> make_stages(const std::vector<const PatternDefinition*>& definitions,
                               MPI_Comm world, BufferProvider& buffers, const RunConfig& config,
                               const Placement& placement);

// The most ranks a stage keeps busy at once, and whether they are more than a machine's
// cores (placement.oversubscribed): ranks without a part in a stage wait without spinning,
// so they take no core from it.
void judge_busy_ranks(const std::vector<Stage>& stages, Placement& placement);

// Frees the stages' communicators (a run that completes; a failed one aborts instead).
void free_stages(std::vector<Stage>& stages);

// Collective: throws UsageError on every rank when a size cannot run (see stages.cpp).
void check_sizes(const std::vector<Stage>& stages, const RunConfig& config,
                 const Placement& placement, MPI_Comm world);

// How many (size, variant, repeat) the run measures, as rank 0 counts them (it takes part
// in every pattern, so it knows every variant); collective.
std::size_t count_configurations(const std::vector<Stage>& stages, const RunConfig& config, MPI_Comm world);

}  // namespace mpibench
