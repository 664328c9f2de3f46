#include "bench/harness/record_builder.hpp"

#include <algorithm>

#include "statistics/stats.hpp"

namespace mpibench {

std::vector<Column> result_columns(std::span<const PatternDefinition* const> patterns) {
  std::vector<Column> configuration;
  std::vector<Column> results;
  for (const PatternDefinition* definition : patterns) {
    configuration.insert(configuration.end(), definition->configuration_columns.begin(),
                         definition->configuration_columns.end());
    results.insert(results.end(), definition->result_columns.begin(), definition->result_columns.end());
  }
  return run_columns(configuration, results);
}

BuiltRow build_row(const PatternDefinition& definition, const Pattern& pattern, int ranks, std::uint64_t bytes,
                   const SizeSamples& samples, bool drop_outliers) {
  constexpr double us = 1e6;
  const std::size_t outliers = count_outliers(samples.completion_s);
  const Summary s = summarize(drop_outliers ? without_outliers(samples.completion_s)
                                            : samples.completion_s);
  BuiltRow row;
  row.figures.median_us = s.median * us;
  row.figures.ci_low_us = s.median_ci.low * us;
  Record& record = row.record;
  record.set("pattern", std::string(definition.name))
      .set("ranks", std::int64_t{ranks})
      .set("bytes", static_cast<std::int64_t>(bytes));
  const Record own = pattern.configuration_cells(bytes);
  for (const auto& [column, cell] : own.cells()) record.set(column, cell);
  record.set("samples", static_cast<std::int64_t>(s.count))
      .set("ops_per_sample", samples.ops_per_sample)
      .set("min_us", s.min * us)
      .set("median_us", s.median * us)
      .set("mean_us", s.mean * us)
      .set("max_us", s.max * us)
      .set("p95_us", s.p95 * us)
      .set("p99_us", s.p99 * us)
      .set("ci_low_us", s.median_ci.low * us)
      .set("ci_high_us", s.median_ci.high * us)
      .set("ci_level", s.median_ci.level)
      .set("ci_rel", s.median > 0 ? (s.median_ci.high - s.median_ci.low) / 2 / s.median : 0.0)
      .set("cv", s.cv)
      .set("outliers", static_cast<std::int64_t>(outliers))
      .set("stop", std::string(to_string(samples.stop)))
      .set("sync", samples.sync)
      .set("invalid", samples.invalid);
  if (const auto moved = pattern.bandwidth_bytes(bytes)) {
    row.figures.bandwidth_mb_s = s.median > 0 ? *moved / s.median / 1e6 : 0.0;  // 10^6 B/s
    record.set("bandwidth_mb_s", *row.figures.bandwidth_mb_s);
  }
  if (const auto messages = pattern.messages_per_operation()) {
    record.set("messages_per_s", s.median > 0 ? *messages / s.median : 0.0);
  }
  if (!samples.rank_mean_s.empty()) {
    record.set("rank_avg_us", median_of(samples.rank_mean_s) * us)
        .set("rank_min_us", median_of(samples.rank_min_s) * us);
  }
  if (!samples.between_s.empty()) record.set("between_us", median_of(samples.between_s) * us);
  for (const auto& [column, cell] : samples.own_results.cells()) record.set(column, cell);
  return row;
}

}  // namespace mpibench
