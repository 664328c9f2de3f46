#include "bench/harness/run_plan.hpp"

#include <algorithm>
#include <random>
#include <set>
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

// A pattern's stages: one, or one per step of a pattern made of steps (whose steps are kept
// in `steps`).
void plan_pattern(const PatternDefinition& definition, const OptionValues& options,
                  std::span<const std::string> host_of_rank, std::vector<PlannedStage>& stages,
                  std::map<const PatternDefinition*, std::vector<Step>>& steps) {
  if (definition.steps == nullptr) {
    PlannedStage stage{&definition, &definition};
    stage.groups.push_back(group_of(members_of(definition, options, host_of_rank), {}, host_of_rank));
    stages.push_back(std::move(stage));
    return;
  }
  auto planned = definition.steps(options, host_of_rank);
  if (auto* why = std::get_if<std::string>(&planned)) throw UsageError(*why);
  const std::vector<Step>& own = steps[&definition] = std::move(std::get<std::vector<Step>>(planned));
  for (std::size_t k = 0; k < own.size(); ++k) {
    PlannedStage stage{own[k].measures, &definition, own[k].sizes, k};
    for (const StepGroup& group : own[k].groups) stage.groups.push_back(group_of(group.members, group.cells, host_of_rank));
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
                 std::span<const std::string> host_of_rank)
    : host_of_rank_(host_of_rank.begin(), host_of_rank.end()) {
  for (const PatternDefinition* definition : definitions) {
    plan_pattern(*definition, config.pattern_options, host_of_rank, stages_, steps_);
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

void RunPlan::keep_step_row(StepRows& rows, std::size_t stage, std::size_t group, int repeat, std::int64_t pass,
                            const RowFigures& figures) const {
  const PlannedStage& planned = stages_.at(stage);
  if (planned.step) rows[planned.owner].push_back(StepRow{*planned.step, group, repeat, pass, figures});
}

StepsRun RunPlan::steps_run(const PatternDefinition& owner, const StepRows& rows) const {
  const auto steps = steps_.find(&owner);
  const auto own = rows.find(&owner);
  StepsRun run{{}, host_of_rank_, {}};
  if (steps != steps_.end()) run.steps = steps->second;
  if (own != rows.end()) run.rows = own->second;
  return run;
}

std::vector<std::size_t> RunPlan::stages_to_measure_again(const StepRows& rows, const OptionValues& options) const {
  std::vector<std::size_t> again;
  for (const auto& [owner, steps] : steps_) {
    if (owner->measure_again == nullptr) continue;
    const StepsRun run = steps_run(*owner, rows);
    std::set<std::size_t> suspect_steps;
    for (const std::size_t i : owner->measure_again(run, options)) suspect_steps.insert(run.rows[i].step);
    for (std::size_t s = 0; s < stages_.size(); ++s) {
      const PlannedStage& stage = stages_[s];
      if (stage.owner == owner && stage.step && suspect_steps.count(*stage.step) != 0) again.push_back(s);
    }
  }
  std::sort(again.begin(), again.end());
  return again;
}

}  // namespace mpibench
