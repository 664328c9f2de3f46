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

// A pattern's stages: one, or one per step of a pattern made of steps.
std::vector<Stage> planned_stages(const PatternDefinition& definition, const RunConfig& config,
                                  const Placement& placement, int launched) {
  std::vector<Stage> planned;
  if (definition.steps == nullptr) {
    Stage stage{&definition, &definition};
    stage.groups.push_back(StageGroup{members_of(definition, config, placement, launched)});
    planned.push_back(std::move(stage));
    return planned;
  }
  auto steps = definition.steps(config.pattern_options, placement.host_of_rank);
  if (auto* why = std::get_if<std::string>(&steps)) throw UsageError(*why);
  for (Step& step : std::get<std::vector<Step>>(steps)) {
    Stage stage{step.measures, &definition, std::move(step.sizes)};
    for (StepGroup& group : step.groups) {
      stage.groups.push_back(StageGroup{std::move(group.members), std::move(group.cells)});
    }
    planned.push_back(std::move(stage));
  }
  return planned;
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
    for (Stage& stage : planned_stages(*definition, config, placement, launched)) {
      int color = MPI_UNDEFINED;
      int key = 0;
      for (std::size_t g = 0; g < stage.groups.size(); ++g) {
        StageGroup& group = stage.groups[g];
        const auto host = [&](int r) -> const std::string& { return placement.host_of_rank[static_cast<std::size_t>(r)]; };
        for (const int member : group.members) group.same_host = group.same_host && host(member) == host(group.members.front());
        const auto position = std::find(group.members.begin(), group.members.end(), rank);
        if (position != group.members.end()) {
          color = static_cast<int>(g);
          key = static_cast<int>(position - group.members.begin());
        }
      }
      mpi_check(MPI_Comm_split(world, color, key, &stage.comm));
      if (color != MPI_UNDEFINED) {
        stage.my_group = static_cast<std::size_t>(color);
        mpi_check(MPI_Comm_set_errhandler(stage.comm, MPI_ERRORS_RETURN));
        stage.pattern = stage.definition->make(
            PatternContext{stage.comm, buffers, config.pattern_options, config.corrupt_payload});
      }
      stages.push_back(std::move(stage));
    }
  }
  return stages;
}

void judge_busy_ranks(const std::vector<Stage>& stages, Placement& placement) {
  placement.ranks_busy_at_once = 0;
  placement.oversubscribed = false;
  for (const Stage& stage : stages) {
    std::vector<int> busy;
    for (const StageGroup& group : stage.groups) busy.insert(busy.end(), group.members.begin(), group.members.end());
    placement.ranks_busy_at_once = std::max(placement.ranks_busy_at_once, static_cast<int>(busy.size()));
    placement.oversubscribed = placement.oversubscribed || oversubscribed_by(placement, busy);
  }
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
    for (const std::uint64_t requested : stage.sizes_to_measure(config)) {
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
    configurations += stage.sizes_to_measure(config).size() *
                      (stage.pattern ? stage.pattern->variant_count() : 1);
  }
  configurations *= static_cast<std::size_t>(config.repeat);
  broadcast(world, configurations);
  return configurations;
}

}  // namespace mpibench
