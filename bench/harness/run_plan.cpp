#include "bench/harness/run_plan.hpp"

#include <algorithm>
#include <random>
#include <variant>

#include "toolkit/errors.hpp"
#include "results/schema.hpp"

namespace mpibench {
namespace {

std::vector<int> members_of(const PatternDefinition& definition, const OptionValues& options,
                            std::span<const std::string> host_of_rank) {
  const int launched = static_cast<int>(host_of_rank.size());
  if (definition.members == nullptr) {
    std::vector<int> first(static_cast<std::size_t>(definition.ranks_used(launched)));
    for (std::size_t r = 0; r < first.size(); ++r) first[r] = static_cast<int>(r);
    return first;
  }
  auto chosen = definition.members(options, host_of_rank);
  if (auto* why = std::get_if<std::string>(&chosen)) throw UsageError(*why);
  return std::get<std::vector<int>>(chosen);
}

PlannedGroup group_of(std::vector<int> members, Record cells, std::span<const std::string> host_of_rank) {
  PlannedGroup group{std::move(members), std::move(cells)};
  const auto host = [&](int r) -> const std::string& { return host_of_rank[static_cast<std::size_t>(r)]; };
  for (const int member : group.members) group.same_host = group.same_host && host(member) == host(group.members.front());
  return group;
}

// A pattern's stages: one, or one per step of a pattern made of steps.
void plan_pattern(const PatternDefinition& definition, const OptionValues& options,
                  std::span<const std::string> host_of_rank, std::vector<PlannedStage>& stages) {
  if (definition.steps == nullptr) {
    PlannedStage stage{&definition, &definition};
    stage.groups.push_back(group_of(members_of(definition, options, host_of_rank), {}, host_of_rank));
    stages.push_back(std::move(stage));
    return;
  }
  auto steps = definition.steps(options, host_of_rank);
  if (auto* why = std::get_if<std::string>(&steps)) throw UsageError(*why);
  for (Step& step : std::get<std::vector<Step>>(steps)) {
    PlannedStage stage{step.measures, &definition, std::move(step.sizes)};
    for (StepGroup& group : step.groups) {
      stage.groups.push_back(group_of(std::move(group.members), std::move(group.cells), host_of_rank));
    }
    stages.push_back(std::move(stage));
  }
}

}  // namespace

bool PlannedStage::is_whole_world(int launched) const {
  if (groups.size() != 1 || groups.front().members.size() != static_cast<std::size_t>(launched)) return false;
  const std::vector<int>& members = groups.front().members;
  for (std::size_t r = 0; r < members.size(); ++r) {
    if (members[r] != static_cast<int>(r)) return false;
  }
  return true;
}

RunPlan::RunPlan(std::span<const PatternDefinition* const> definitions, const RunConfig& config,
                 std::span<const std::string> host_of_rank) {
  for (const PatternDefinition* definition : definitions) {
    plan_pattern(*definition, config.pattern_options, host_of_rank, stages_);
  }
  std::mt19937_64 shuffle(config.seed);
  for (int repeat = 1; repeat <= config.repeat; ++repeat) {
    std::vector<std::uint64_t> order = config.sizes;
    if (config.repeat > 1) std::shuffle(order.begin(), order.end(), shuffle);
    run_sizes_.push_back(std::move(order));
  }
}

std::vector<std::uint64_t> RunPlan::sizes(std::size_t stage, int repeat) const {
  const PlannedStage& planned = stages_.at(stage);
  if (!planned.step_sizes.empty()) return planned.step_sizes;
  return planned.definition->sizes_to_measure(run_sizes_.at(static_cast<std::size_t>(repeat - 1)));
}

void RunPlan::add_row_context(Record& row, std::size_t stage, std::size_t group, int repeat, std::int64_t pass) const {
  const PlannedGroup& planned = stages_.at(stage).groups.at(group);
  row.set("repeat", std::int64_t{repeat});
  row.set("same_host", std::string(planned.same_host ? "yes" : "no"));
  for (const auto& [column, cell] : planned.cells.cells()) row.set(column, cell);
  if (pass > 1) row.set(std::string(pass_column.name), pass);
}

std::size_t RunPlan::group_led_by(std::size_t stage, int leader) const {
  const auto& groups = stages_.at(stage).groups;
  const auto found = std::find_if(groups.begin(), groups.end(),
                                  [&](const PlannedGroup& group) { return group.members.front() == leader; });
  return static_cast<std::size_t>(found - groups.begin());
}

std::vector<Record> rows_of(const PatternDefinition& definition, std::span<const Record> rows) {
  std::vector<Record> own;
  for (const Record& row : rows) {
    const Cell* pattern = row.find("pattern");
    const auto* name = pattern ? std::get_if<std::string>(pattern) : nullptr;
    if (name && *name == definition.name) own.push_back(row);
  }
  return own;
}

std::vector<std::size_t> RunPlan::stages_to_measure_again(std::span<const Record> rows, const OptionValues& options) const {
  std::vector<const PatternDefinition*> owners;
  for (const PlannedStage& stage : stages_) {
    if (std::find(owners.begin(), owners.end(), stage.owner) == owners.end()) owners.push_back(stage.owner);
  }
  std::vector<std::size_t> again;
  for (const PatternDefinition* definition : owners) {
    if (definition->measure_again == nullptr) continue;
    const std::vector<Record> own = rows_of(*definition, rows);
    std::vector<const Record*> suspects;
    for (const std::size_t i : definition->measure_again(own, options)) suspects.push_back(&own.at(i));
    const auto measured_by = [](const PlannedGroup& group, const Record& row) {
      return std::all_of(group.cells.cells().begin(), group.cells.cells().end(), [&](const auto& cell) {
        const Cell* found = row.find(cell.first);
        return found && *found == cell.second;
      });
    };
    for (std::size_t s = 0; s < stages_.size(); ++s) {
      if (stages_[s].owner != definition) continue;
      const bool suspect = std::any_of(suspects.begin(), suspects.end(), [&](const Record* row) {
        return std::any_of(stages_[s].groups.begin(), stages_[s].groups.end(),
                           [&](const PlannedGroup& group) { return measured_by(group, *row); });
      });
      if (suspect) again.push_back(s);
    }
  }
  std::sort(again.begin(), again.end());
  return again;
}

}  // namespace mpibench
