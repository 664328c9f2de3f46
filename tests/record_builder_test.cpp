#include "bench/harness/record_builder.hpp"

#include <gtest/gtest.h>

#include <set>

namespace mpibench {
namespace {

TEST(ResultColumns, SharedColumnsFramePatternColumns) {
  const std::vector<const PatternDefinition*> one{find_pattern("bandwidth")};
  const auto columns = result_columns(one);
  ASSERT_GE(columns.size(), 6u);
  EXPECT_EQ(columns[0].name, "pattern");
  EXPECT_EQ(columns[1].name, "ranks");
  EXPECT_EQ(columns[2].name, "same_host");
  EXPECT_EQ(columns[3].name, "bytes");
  EXPECT_EQ(columns[4].name, "window");
  EXPECT_EQ(columns[5].name, "receive_buffers");
  EXPECT_EQ(columns[6].name, "samples");
}

TEST(ResultColumns, UnionOfEveryPatternHasNoDuplicatesInTheEarlierOrder) {
  std::vector<std::string> columns;
  for (const Column& column : result_columns(pattern_catalog())) columns.emplace_back(column.name);
  const std::set<std::string> unique(columns.begin(), columns.end());
  EXPECT_EQ(unique.size(), columns.size());
  // The order every file had before patterns declared their own columns, with same_host, between_us,
  // receive_buffers, pairs, messages_per_s, linkmap's link columns and its pass added.
  const std::vector<std::string> expected{
      "pattern", "ranks", "same_host", "bytes", "window", "receive_buffers", "pairs", "metric",
      "src_host", "dst_host", "src_rank", "dst_rank", "round", "concurrency", "pass", "root", "root_bytes", "op", "type", "elements",
      "workers", "prefetch", "work_us", "result_bytes", "broker", "samples", "ops_per_sample",
      "min_us", "median_us", "mean_us", "max_us", "p95_us", "p99_us", "ci_low_us", "ci_high_us",
      "ci_level", "ci_rel", "cv", "outliers", "bandwidth_mb_s", "rank_avg_us", "rank_min_us", "between_us",
      "stop", "sync", "invalid", "repeat", "messages_per_s", "tasks_sent", "tasks_done", "tasks_lost",
      "tasks_per_s", "efficiency"};
  EXPECT_EQ(columns, expected);
}

}  // namespace
}  // namespace mpibench
