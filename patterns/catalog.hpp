#pragma once
// The one table of patterns: adding a pattern is one file in patterns/ and one line in
// catalog.cpp.
#include <memory>
#include <optional>
#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "patterns/pattern.hpp"

namespace mpibench {

// Which of the pattern-specific options the command line offers for a pattern.
struct UsesOptions {
  bool window = false;
  bool root = false;
  bool reduction = false;  // --op and --type
  bool tasks = false;      // --workers, --prefetch, --work-us, --result-bytes, --broker, --tasks
};

struct PatternEntry {
  std::string_view name;
  std::string_view summary;  // what it measures, for `list` and --help
  int min_ranks;
  int fixed_ranks;           // ranks taking part; 0 = all launched ranks
  std::span<const std::string_view> variant_columns;  // after `bytes`: what was measured
  std::span<const std::string_view> result_columns;   // at the end: the pattern's own results
  UsesOptions options;
  std::unique_ptr<Pattern> (*make)(const PatternContext&);
  // Why the options cannot run on `ranks` launched ranks, if they cannot; may be null.
  std::optional<std::string> (*check)(const PatternOptions&, int ranks) = nullptr;

  int ranks_used(int launched) const { return fixed_ranks == 0 ? launched : fixed_ranks; }
};

std::span<const PatternEntry> pattern_catalog();

// The entry called `name`, or nullptr.
const PatternEntry* find_pattern(std::string_view name);

}  // namespace mpibench
