#include "results/repeat_aggregates.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace mpibench {
namespace {

const std::vector<Column> columns{
    Column{"pattern", "", ColumnRole::configuration, ColumnType::text, true},
    Column{"ranks", "", ColumnRole::configuration, ColumnType::integer, true},
    Column{"bytes", "B", ColumnRole::size, ColumnType::integer, true},
    Column{"median_us", "us", ColumnRole::measurement, ColumnType::real, true},
    Column{"repeat", "", ColumnRole::measurement, ColumnType::integer, true},
};

Record row(std::int64_t bytes, double median_us, std::int64_t repeat) {
  Record r;
  r.set("pattern", std::string("pingpong")).set("ranks", std::int64_t{2}).set("bytes", bytes);
  r.set("median_us", median_us).set("repeat", repeat);
  return r;
}

TEST(RepeatAggregates, SummarizeEachConfigurationsMediansOverItsRepeats) {
  const std::vector<Record> rows{row(8, 1.0, 1), row(1024, 3.0, 1), row(8, 4.0, 2), row(1024, 3.0, 2), row(8, 2.0, 3),
                                 row(65536, 9.0, 1)};
  const auto aggregates = repeat_aggregates(rows, columns);
  // 8 B and 1 KiB, in the order they first appear; 64 KiB was measured once: no aggregate.
  ASSERT_EQ(aggregates.size(), 2u);
  const Summary& eight = aggregates[0].medians_us;
  EXPECT_EQ(eight.count, 3u);
  EXPECT_DOUBLE_EQ(eight.median, 2.0);
  EXPECT_DOUBLE_EQ(eight.mean, 7.0 / 3);
  EXPECT_DOUBLE_EQ(eight.min, 1.0);
  EXPECT_DOUBLE_EQ(eight.max, 4.0);
  // The repeat is not part of what was measured.
  EXPECT_EQ(aggregates[0].configuration.find("repeat"), nullptr);
  // Spread (4 - 1) / 2; cv: sd 1.5275 / mean 2.3333.
  EXPECT_EQ(to_string(aggregates[0]), "pingpong ranks=2 bytes=8: median 2 us over 3 repeats, spread 150.00%, cv 65.47%");
  EXPECT_EQ(to_string(aggregates[1]), "pingpong ranks=2 bytes=1024: median 3 us over 2 repeats, spread 0.00%, cv 0.00%");
}

}  // namespace
}  // namespace mpibench
