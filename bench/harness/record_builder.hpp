#pragma once
// Turns the samples of one size into one result row: the statistics (from bench/stats) and
// the columns every pattern shares, around the pattern's own variant columns.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "bench/harness/runner.hpp"
#include "patterns/catalog.hpp"
#include "results/record.hpp"
#include "results/schema.hpp"

namespace mpibench {

// The columns of a run of these patterns, fixed before the first row: the ones every row
// has and the union of the patterns' own, in the schema's order.
std::vector<Column> result_columns(std::span<const PatternDefinition* const> patterns);

// A size's row for the writers, and what second looks and verdicts read of it, typed.
struct BuiltRow {
  Record record;
  RowFigures figures;
};

// `drop_outliers`: statistics from the samples inside Tukey's fences only (the outliers
// column counts them either way).
BuiltRow build_row(const PatternDefinition& definition, const Pattern& pattern, int ranks, std::uint64_t bytes,
                   const SizeSamples& samples, bool drop_outliers);

}  // namespace mpibench
