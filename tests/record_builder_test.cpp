#include "bench/record_builder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace mpibench {
namespace {

std::vector<const PatternEntry*> every_pattern() {
  std::vector<const PatternEntry*> entries;
  for (const PatternEntry& entry : pattern_catalog()) entries.push_back(&entry);
  return entries;
}

TEST(ResultColumns, SharedColumnsFramePatternColumns) {
  const std::vector<const PatternEntry*> one{find_pattern("bandwidth")};
  const auto columns = result_columns(one);
  ASSERT_GE(columns.size(), 5u);
  EXPECT_EQ(columns[0].name, "pattern");
  EXPECT_EQ(columns[1].name, "ranks");
  EXPECT_EQ(columns[2].name, "bytes");
  EXPECT_EQ(columns[3].name, "window");
  EXPECT_EQ(columns[4].name, "samples");
}

TEST(ResultColumns, UnionOfEveryPatternHasNoDuplicates) {
  std::vector<std::string> columns;
  for (const Column& column : result_columns(every_pattern())) columns.emplace_back(column.name);
  const std::set<std::string> unique(columns.begin(), columns.end());
  EXPECT_EQ(unique.size(), columns.size());
  for (const PatternEntry* entry : every_pattern()) {
    for (const auto column : entry->variant_columns) {
      EXPECT_TRUE(unique.count(std::string(column))) << entry->name << " " << column;
    }
  }
  for (const char* column : {"median_us", "ci_low_us", "ci_high_us", "ci_level", "bandwidth_mb_s",
                             "rank_avg_us", "rank_min_us", "p95_us", "stop"}) {
    EXPECT_TRUE(unique.count(column)) << column;
  }
}

TEST(Catalog, NamesAreUniqueAndFindable) {
  std::set<std::string_view> names;
  for (const PatternEntry& entry : pattern_catalog()) {
    EXPECT_TRUE(names.insert(entry.name).second) << entry.name;
    EXPECT_EQ(find_pattern(entry.name), &entry);
    EXPECT_GE(entry.min_ranks, 2);
  }
  EXPECT_EQ(find_pattern("no-such-pattern"), nullptr);
}

}  // namespace
}  // namespace mpibench
