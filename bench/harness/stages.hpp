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

// One pattern of the run and, on the ranks that take part, its communicator and instance.
struct Stage {
  const PatternDefinition* definition = nullptr;
  MPI_Comm comm = MPI_COMM_NULL;
  std::unique_ptr<Pattern> pattern;
  std::vector<int> members;  // world ranks, in the pattern's rank order; members[0] leads
  bool same_host = true;     // every member on one host
};

// Collective over `world`: a communicator per pattern, and the pattern on its members.
// Throws UsageError on every rank alike when a pattern's options name ranks it cannot have.
std::vector<Stage> make_stages(const std::vector<const PatternDefinition*>& definitions,
                               MPI_Comm world, BufferProvider& buffers, const RunConfig& config,
                               const Placement& placement);

// Frees the stages' communicators (a run that completes; a failed one aborts instead).
void free_stages(std::vector<Stage>& stages);

// Collective: throws UsageError on every rank when a size cannot run (see stages.cpp).
void check_sizes(const std::vector<Stage>& stages, const RunConfig& config,
                 const Placement& placement, MPI_Comm world);

// How many (size, variant, repeat) the run measures, as rank 0 counts them (it takes part
// in every pattern, so it knows every variant); collective.
std::size_t count_configurations(const std::vector<Stage>& stages, const RunConfig& config, MPI_Comm world);

}  // namespace mpibench
