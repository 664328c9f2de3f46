#include "bench/harness/stages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "bench/harness/memory_check.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "bench/toolkit/errors.hpp"
#include "bench/toolkit/mpi_check.hpp"
#include "results/units.hpp"

namespace mpibench {

namespace {

// Every rank computes the same members from the same options and hosts, so a refusal is
// every rank's without an exchange.
std::vector<int> members_of(const PatternDefinition& definition, const RunConfig& config,
                            const Placement& placement, int launched) {
  if (definition.members == nullptr) {
    std::vector<int> first(static_cast<std::size_t>(definition.ranks_used(launched)));
    for (std::size_t r = 0; r < first.size(); ++r) first[r] = static_cast<int>(r);
    return first;
  }
  auto chosen = definition.members(config.pattern_options, placement.host_of_rank);
  if (auto* why = std::get_if<std::string>(&chosen)) throw UsageError(*why);
  return std::get<std::vector<int>>(chosen);
}

}  // namespace

std::vector<Stage> make_stages(const std::vector<const PatternDefinition*>& definitions,
                               MPI_Comm world, BufferProvider& buffers, const RunConfig& config,
                               const Placement& placement) {
  int rank = 0;
  int launched = 0;
  mpi_check(MPI_Comm_rank(world, &rank));
  mpi_check(MPI_Comm_size(world, &launched));
  std::vector<Stage> stages;
  for (const PatternDefinition* definition : definitions) {
    Stage stage{definition, MPI_COMM_NULL, nullptr};
    stage.members = members_of(*definition, config, placement, launched);
    for (const int member : stage.members) {
      stage.same_host = stage.same_host && placement.host_of_rank[static_cast<std::size_t>(member)] ==
                                               placement.host_of_rank[static_cast<std::size_t>(stage.members.front())];
    }
    const auto position = std::find(stage.members.begin(), stage.members.end(), rank);
    const bool member = position != stage.members.end();
    mpi_check(MPI_Comm_split(world, member ? 0 : MPI_UNDEFINED,
                             static_cast<int>(position - stage.members.begin()), &stage.comm));
    if (member) {
      mpi_check(MPI_Comm_set_errhandler(stage.comm, MPI_ERRORS_RETURN));
      stage.pattern = definition->make(
          PatternContext{stage.comm, buffers, config.pattern_options, config.corrupt_payload});
    }
    stages.push_back(std::move(stage));
  }
  return stages;
}

void free_stages(std::vector<Stage>& stages) {
  for (Stage& stage : stages) {
    if (stage.comm != MPI_COMM_NULL) MPI_Comm_free(&stage.comm);
  }
}

// The sizes every rank can run: MPI's int counts carry every call, something is measured
// at all, and the buffers fit in the node's memory.
void check_sizes(const std::vector<Stage>& stages, const RunConfig& config,
                 const Placement& placement, MPI_Comm world) {
  std::uint64_t mine = 0;
  std::uint64_t largest = 0;
  std::string_view heaviest;
  std::optional<std::string> problem;
  bool measures_something = false;
  for (const Stage& stage : stages) {
    if (!stage.pattern) continue;
    for (const std::uint64_t requested : stage.definition->sizes_to_measure(config.sizes)) {
      const auto bytes = stage.pattern->effective_bytes(requested);
      if (!bytes) continue;
      measures_something = true;
      const std::uint64_t call = stage.pattern->largest_call_bytes(*bytes);
      if (call > std::numeric_limits<int>::max() && !problem) {
        problem = fmt::format(
            "{} at {} moves {} in one MPI call ({} ranks x {}), more than MPI's int counts "
            "carry (2 GiB - 1); use smaller --sizes or fewer ranks",
            stage.definition->name, Bytes{*bytes}, approximate(Bytes{call}), call / *bytes, Bytes{*bytes});
      }
      const std::uint64_t need = stage.pattern->buffer_bytes(*bytes);
      if (need > mine) {
        mine = need;
        largest = *bytes;
        heaviest = stage.definition->name;
      }
    }
  }
  // Rank 0 takes part in every pattern, so it alone knows whether any size is left.
  if (!problem && !measures_something && !stages.empty() && stages.front().pattern) {
    problem = fmt::format("every size would be skipped: {} at each; use larger --sizes",
                          stages.front().pattern->skip_reason());
  }
  if (auto agreed = agree_on_problem(world, problem)) throw UsageError(*agreed);
  if (const auto shortfall =
          check_node_memory(placement.node_comm, mine, config.memory_limit_bytes)) {
    problem = fmt::format(
        "not enough memory: at {} {} needs {} of buffers on this node ({} ranks; the most on "
        "one rank: {}), but {} {}; use smaller --sizes",
        Bytes{largest}, heaviest, approximate(Bytes{shortfall->needed_bytes}),
        placement.ranks_on_my_node, approximate(Bytes{shortfall->largest_rank_bytes}),
        shortfall->limited_by_option ? "--memory-limit allows" : "the node has only",
        approximate(Bytes{shortfall->available_bytes}));
  }
  if (auto agreed = agree_on_problem(world, problem)) throw UsageError(*agreed);
}

std::size_t count_configurations(const std::vector<Stage>& stages, const RunConfig& config, MPI_Comm world) {
  std::size_t configurations = 0;
  for (const Stage& stage : stages) {
    configurations += stage.definition->sizes_to_measure(config.sizes).size() *
                      (stage.pattern ? stage.pattern->variant_count() : 1);
  }
  configurations *= static_cast<std::size_t>(config.repeat);
  broadcast(world, configurations);
  return configurations;
}

}  // namespace mpibench
