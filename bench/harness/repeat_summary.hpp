#pragma once
// Run-to-run spread: with --repeat, the same configuration is measured several times (in a
// shuffled size order each time), and the spread of its medians across repeats says how
// far one run's figure can be trusted.
#include <string>
#include <vector>

#include "results/record.hpp"

namespace mpibench {

struct RepeatSpread {
  std::string configuration;  // e.g. "pingpong ranks=2 bytes=8"
  std::size_t repeats = 0;
  double median_us = 0;       // the median of the repeats' medians
  double spread = 0;          // (max - min) / median of the medians
  double cv = 0;              // coefficient of variation of the medians
};

// Groups `records` by `key_columns` (in first-appearance order) and summarizes the
// median_us of each group that has two or more rows.
std::vector<RepeatSpread> repeat_spread(const std::vector<Record>& records,
                                        const std::vector<std::string>& key_columns);

std::string to_string(const RepeatSpread& spread);

}  // namespace mpibench
