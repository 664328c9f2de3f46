#pragma once
// What a pattern file defines besides its class: the pattern's name, what it measures, the
// ranks it needs, its options and its columns. The catalog (patterns/catalog.def) lists the
// definitions; the command line, the job and the writers read them from there.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "patterns/pattern.hpp"
#include "patterns/pattern_option.hpp"
#include "results/schema.hpp"

namespace mpibench {

// The sizes a pattern measures when --sizes is not given.
inline constexpr std::string_view default_sizes = "0:4M";

struct PatternDefinition;

// A pattern made of other patterns' measurements (linkmap) runs as steps: each measures one
// pattern at given sizes on groups of ranks at once, every group's rows carrying the cells
// that say what the group measured (which link, which direction).
struct StepGroup {
  std::vector<int> members;  // world ranks, in the measured pattern's rank order
  Record cells;              // set on each of the group's rows, over what the pattern wrote
};
struct Step {
  const PatternDefinition* measures = nullptr;
  std::vector<std::uint64_t> sizes;
  std::vector<StepGroup> groups;
};

// What a second look and a verdict read of a row measured by one group of a pattern made
// of steps: typed from the measurement, never read back from the cells written.
struct RowFigures {
  double median_us = 0;
  double ci_low_us = 0;                  // the low end of the median's confidence interval
  std::optional<double> bandwidth_mb_s;  // where the measured pattern moves bytes
};
struct StepRow {
  std::size_t step = 0;   // in the pattern's steps
  std::size_t group = 0;  // in that step's groups
  int repeat = 1;
  std::int64_t pass = 1;  // 2: a second look
  RowFigures figures;
};

// A run of a pattern made of steps as rank 0 sees it: the steps, every launched rank's host,
// and the rows measured so far.
struct StepsRun {
  std::span<const Step> steps;
  std::span<const std::string> host_of_rank;
  std::span<const StepRow> rows;
};

// What a finished run's rows of one pattern say as a whole (linkmap's slow links): lines
// for the user and the outputs, and a failure when the options make the verdict a gate.
struct RowsVerdict {
  std::vector<std::string> lines;
  std::optional<std::string> failure;
};

// A command line that shows a pattern at work, and what it shows: its --help and manual page
// list them.
struct Example {
  std::string_view command;
  std::string_view what;
};

struct PatternDefinition {
  std::string_view name;
  std::string_view summary;  // what it measures, for `list` and --help
  std::span<const Example> examples;
  std::string_view guide = "running.md";  // its page under docs/
  int min_ranks = 2;
  int fixed_ranks = 0;       // ranks taking part; 0 = all launched ranks
  std::string_view sizes = default_sizes;
  bool sizeless = false;     // moves no message: measured once per sweep, as 0 bytes
  std::string_view sized_by; // the options that set its sizes instead of --sizes, if any
  std::span<const PatternOption* const> options;
  std::span<const Column> configuration_columns;  // after `bytes`: what was measured
  std::span<const Column> result_columns;         // at the end: the pattern's own results
  std::unique_ptr<Pattern> (*make)(const PatternContext&) = nullptr;
  // Why the options cannot run on `ranks` launched ranks, if they cannot (under `all`, the
  // pattern is then skipped with a note); may be null.
  std::optional<std::string> (*check)(const OptionValues&, int ranks) = nullptr;
  // Why `all` leaves the pattern out on these hosts (one per launched rank) though it could
  // run (linkmap on one host: no link between hosts to map), if it does; may be null.
  std::optional<std::string> (*left_out_of_all)(std::span<const std::string> host_of_rank) = nullptr;
  // The world ranks taking part, in the order they become the pattern's ranks, or why the
  // options name none; null: the first ranks_used(launched).
  std::variant<std::vector<int>, std::string> (*members)(const OptionValues&,
                                                         std::span<const std::string> host_of_rank) = nullptr;

  // A pattern made of steps (see Step) instead of an instance of its own (make is null),
  // or why the options name no step.
  std::variant<std::vector<Step>, std::string> (*steps)(const OptionValues&,
                                                        std::span<const std::string> host_of_rank) = nullptr;
  // The options its steps' patterns are made with, from the run's, where they differ (linkmap
  // streams its own window); null: the run's own. A function of the options alone, so that
  // every rank computes it without the plan.
  OptionValues (*step_options)(const OptionValues& run) = nullptr;
  // Rows worth a second look, read on rank 0 once every repeat is measured (linkmap: the
  // links its verdict would flag, so that one disturbed measurement flags nothing): their
  // indices in `run.rows`. The step of each is measured once more before the verdict, its
  // new rows carrying `pass` 2 (the pattern declares pass_column). May be null.
  std::vector<std::size_t> (*measure_again)(const StepsRun& run, const OptionValues&) = nullptr;
  // Read on rank 0 once every row is written; may be null.
  RowsVerdict (*verdict)(const StepsRun& run, const OptionValues&) = nullptr;

  int ranks_used(int launched) const { return fixed_ranks == 0 ? launched : fixed_ranks; }
  // The sizes this pattern measures when the run asks for `requested`.
  std::vector<std::uint64_t> sizes_to_measure(std::span<const std::uint64_t> requested) const {
    if (sizeless) return {0};
    return {requested.begin(), requested.end()};
  }
};

template <class P>
std::unique_ptr<Pattern> make_pattern(const PatternContext& context) {
  return std::make_unique<P>(context);
}

// Every pattern's definition, `NAME_pattern`, defined in patterns/NAME.cpp.
#define MPIBENCH_PATTERN(name) extern const PatternDefinition name##_pattern;
#include "patterns/catalog.def"
#undef MPIBENCH_PATTERN

}  // namespace mpibench
