#pragma once
// What a run measures, decided on rank 0 alone, which holds every rank's host: the stages (a
// pattern, or one step of a pattern made of steps), each with its groups of world ranks and
// the cells their rows carry, and the sizes each stage measures in each repeat. The other
// ranks are told only their part (stages.hpp), so their memory does not grow with the ranks.
// Needs no MPI.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "bench/harness/run_config.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {

// One group of ranks measuring a stage's pattern, and the cells its rows carry besides.
struct PlannedGroup {
  std::vector<int> members;  // world ranks, in the pattern's rank order; members[0] leads
  Record cells;              // a step's cells (linkmap's link); empty for a plain pattern
  bool same_host = true;     // every member on one host
};

// One measurement of the run: a pattern on one or more groups of ranks at once (several
// only in a step of a pattern made of steps).
struct PlannedStage {
  const PatternDefinition* definition = nullptr;  // the pattern measured
  const PatternDefinition* owner = nullptr;       // the pattern of the run it is part of
  std::vector<std::uint64_t> step_sizes;          // a step's own sizes; empty: the run's
  std::optional<std::size_t> step;                // which of the owner's steps it is, if one
  std::vector<PlannedGroup> groups;               // a step's in the step's order

  // Whether the stage's one group is every launched rank in rank order (its communicator is
  // then a copy of the world's, not a split).
  bool is_whole_world(int launched) const;
};

// The rows of the patterns made of steps, by pattern, typed: what second looks and verdicts
// read (kept on rank 0).
using StepRows = std::map<const PatternDefinition*, std::vector<StepRow>>;

class RunPlan {
 public:
  // Throws UsageError when a pattern's options name ranks or steps the hosts cannot give.
  RunPlan(std::span<const PatternDefinition* const> definitions, const RunConfig& config,
          std::span<const std::string> host_of_rank);

  const std::vector<PlannedStage>& stages() const { return stages_; }

  // The sizes stage `stage` measures in repeat `repeat` (1-based), in the order measured: a
  // step's own, or the run's in the repeat's order (a new random order in each repeat of a
  // repeated run, the same for every stage of it: drift over the run spreads over all sizes
  // instead of biasing the last ones); a sizeless pattern's one measurement.
  std::vector<std::uint64_t> sizes(std::size_t stage, int repeat) const;

  // What a row of `stage`'s group `group` carries besides what its pattern measured: the
  // repeat, whether the group is on one host, the step's cells, and the pass (2: a second
  // look).
  void add_row_context(Record& row, std::size_t stage, std::size_t group, int repeat, std::int64_t pass) const;

  // The group of `stage` that world rank `leader` leads.
  std::size_t group_led_by(std::size_t stage, int leader) const;

  // Keeps what a row of `stage`'s group `group` measured, when the stage is a step.
  void keep_step_row(StepRows& rows, std::size_t stage, std::size_t group, int repeat, std::int64_t pass,
                     const RowFigures& figures) const;

  // `owner`'s steps, every launched rank's host and its rows among `rows`.
  StepsRun steps_run(const PatternDefinition& owner, const StepRows& rows) const;

  // The stages that measured a row its pattern wants measured again, each once, in the run's
  // order.
  std::vector<std::size_t> stages_to_measure_again(const StepRows& rows, const OptionValues& options) const;

 private:
  std::vector<PlannedStage> stages_;
  std::map<const PatternDefinition*, std::vector<Step>> steps_;  // of the patterns made of steps
  std::vector<std::string> host_of_rank_;
  std::vector<std::vector<std::uint64_t>> run_sizes_;  // per repeat
};

}  // namespace mpibench
