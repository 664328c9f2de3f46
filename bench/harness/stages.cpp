#include "bench/harness/stages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>

#include "bench/harness/memory_check.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "toolkit/errors.hpp"
#include "toolkit/mpi_check.hpp"
#include "results/units.hpp"

namespace mpibench {

std::vector<Stage> make_stages(const RunPlan* plan, MPI_Comm world, BufferProvider& buffers, const RunConfig& config) {
  int rank = 0;
  int launched = 0;
  mpi_check(MPI_Comm_rank(world, &rank));
  mpi_check(MPI_Comm_size(world, &launched));
  std::uint64_t count = plan ? plan->stages().size() : 0;
  broadcast(world, count);
  std::vector<Stage> stages;
  std::vector<int> places;  // rank 0: for each rank, its group (colour) and place (key)
  // The options of the steps of each pattern that makes its own, one copy per pattern.
  std::map<const PatternDefinition*, std::shared_ptr<const OptionValues>> step_options;
  for (std::size_t s = 0; s < count; ++s) {
    // The pattern, whether its one group is the whole world, whether rows are relayed, the
    // pattern it is a step of, and its sizes.
    std::vector<std::uint64_t> header;
    if (rank == 0) {
      const PlannedStage& planned = plan->stages()[s];
      const bool relays = std::any_of(planned.groups.begin(), planned.groups.end(),
                                      [](const PlannedGroup& group) { return group.members.front() != 0; });
      header = {static_cast<std::uint64_t>(catalog_index(planned.definition)), planned.is_whole_world(launched) ? 1U : 0U,
                relays ? 1U : 0U, static_cast<std::uint64_t>(catalog_index(planned.owner))};
      const auto sizes = plan->sizes(s, 1);
      header.insert(header.end(), sizes.begin(), sizes.end());
    }
    broadcast(world, header);
    Stage stage{pattern_catalog()[header.at(0)], {header.begin() + 4, header.end()}};
    stage.relays = header[2] != 0;
    stage.is_world = header[1] != 0;
    const PatternDefinition* owner = pattern_catalog()[header[3]];
    if (owner != stage.definition && owner->step_options != nullptr) {
      auto& shared = step_options[owner];
      if (!shared) shared = std::make_shared<const OptionValues>(owner->step_options(config.pattern_options));
      stage.options = shared;
    }
    if (header[1] != 0) {
      // The world itself, neither split (SMPI splits in time growing with the square of the
      // ranks) nor copied (SMPI's copy costs every rank a table of every rank): the harness
      // talks on it only between the stage's operations.
      stage.comm = world;
    } else {
      if (rank == 0) {
        places.assign(2 * static_cast<std::size_t>(launched), 0);
        for (std::size_t r = 0; r < places.size(); r += 2) places[r] = MPI_UNDEFINED;
        const auto& groups = plan->stages()[s].groups;
        for (std::size_t g = 0; g < groups.size(); ++g) {
          for (std::size_t k = 0; k < groups[g].members.size(); ++k) {
            const auto member = static_cast<std::size_t>(groups[g].members[k]);
            places[2 * member] = static_cast<int>(g);
            places[2 * member + 1] = static_cast<int>(k);
          }
        }
      }
      int mine[2] = {MPI_UNDEFINED, 0};
      mpi_check(MPI_Scatter(places.data(), 2, MPI_INT, mine, 2, MPI_INT, 0, world));
      mpi_check(MPI_Comm_split(world, mine[0], mine[1], &stage.comm));
    }
    if (stage.comm != MPI_COMM_NULL) {
      mpi_check(MPI_Comm_set_errhandler(stage.comm, MPI_ERRORS_RETURN));
      stage.pattern = stage.definition->make(PatternContext{
          stage.comm, buffers, stage.options ? *stage.options : config.pattern_options, config.corrupt_payload});
    }
    stages.push_back(std::move(stage));
  }
  return stages;
}

void judge_busy_ranks(const RunPlan* plan, MPI_Comm world, Placement& placement) {
  struct {
    int busy = 0;
    bool oversubscribed = false;
  } judged;
  if (plan != nullptr) {
    for (const PlannedStage& stage : plan->stages()) {
      std::vector<int> busy;
      for (const PlannedGroup& group : stage.groups) busy.insert(busy.end(), group.members.begin(), group.members.end());
      judged.busy = std::max(judged.busy, static_cast<int>(busy.size()));
      judged.oversubscribed = judged.oversubscribed || oversubscribed_by(placement, busy);
    }
  }
  broadcast(world, judged);
  placement.ranks_busy_at_once = judged.busy;
  placement.oversubscribed = judged.oversubscribed;
}

void free_stages(std::vector<Stage>& stages) {
  for (Stage& stage : stages) {
    if (stage.comm != MPI_COMM_NULL && !stage.is_world) MPI_Comm_free(&stage.comm);
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
    for (const std::uint64_t requested : stage.sizes) {
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
    configurations += stage.sizes.size() *
                      (stage.pattern ? stage.pattern->variant_count() : 1);
  }
  configurations *= static_cast<std::size_t>(config.repeat);
  broadcast(world, configurations);
  return configurations;
}

}  // namespace mpibench
