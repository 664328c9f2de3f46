#pragma once
// Run-to-run spread: with --repeat, the same configuration is measured several times (in a
// new size order each time), and the spread of its medians across repeats says how far one
// run's figure can be trusted. Computed once, when every repeat is in, and handed to every
// writer (a note line in the text formats, Google Benchmark's aggregates in its JSON).
#include <span>
#include <string>
#include <vector>

#include "statistics/stats.hpp"
#include "results/record.hpp"
#include "results/schema.hpp"

namespace mpibench {

struct RepeatAggregate {
  Record configuration;  // the cells that say what was measured (configuration and size)
  Summary medians_us;    // over the repeats' median_us
};

// Groups `rows` by their configuration and size cells (as `columns` give those roles), in
// first-appearance order, and summarizes the median_us of each group of two rows or more.
std::vector<RepeatAggregate> repeat_aggregates(std::span<const Record> rows, std::span<const Column> columns);

// "pingpong ranks=2 bytes=8: median 1.2 us over 3 repeats, spread 0.50%, cv 0.25%"
std::string to_string(const RepeatAggregate& aggregate);

}  // namespace mpibench
