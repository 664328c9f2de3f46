#pragma once
// The one table of patterns: adding a pattern is one file in patterns/ and one line in
// catalog.cpp.
#include <memory>
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
};

struct PatternEntry {
  std::string_view name;
  std::string_view summary;  // what it measures, for `list` and --help
  int min_ranks;
  int fixed_ranks;           // ranks taking part; 0 = all launched ranks
  std::span<const std::string_view> variant_columns;
  UsesOptions options;
  std::unique_ptr<Pattern> (*make)(const PatternContext&);

  int ranks_used(int launched) const { return fixed_ranks == 0 ? launched : fixed_ranks; }
};

std::span<const PatternEntry> pattern_catalog();

// The entry called `name`, or nullptr.
const PatternEntry* find_pattern(std::string_view name);

}  // namespace mpibench
