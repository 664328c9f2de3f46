#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bench/harness/relayed_rows.hpp"
#include "toolkit/errors.hpp"

namespace mpibench {
namespace {

TEST(RelayedRows, CellsAndFiguresComeBackExactly) {
  BuiltRow latency;
  latency.record.set("pattern", std::string("pingpong")).set("bytes", std::int64_t{8}).set("median_us", 0.1 + 0.2);
  latency.figures = RowFigures{0.1 + 0.2, 1.0 / 3, {}};
  BuiltRow bandwidth;
  bandwidth.record.set("pattern", std::string("bandwidth")).set("note", std::monostate{});
  bandwidth.figures = RowFigures{123.456789, 120.0, 9991.123456789};
  const std::vector<BuiltRow> rows{latency, bandwidth};
  const std::vector<BuiltRow> back = decode_rows(encode_rows(rows));
  ASSERT_EQ(back.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back[i].record.cells(), rows[i].record.cells());
    EXPECT_EQ(back[i].figures.median_us, rows[i].figures.median_us);  // bit for bit
    EXPECT_EQ(back[i].figures.ci_low_us, rows[i].figures.ci_low_us);
    EXPECT_EQ(back[i].figures.bandwidth_mb_s, rows[i].figures.bandwidth_mb_s);
  }
  EXPECT_FALSE(back[0].figures.bandwidth_mb_s.has_value());
  EXPECT_TRUE(decode_rows(encode_rows({})).empty());
}

TEST(RelayedRows, TextWithoutFiguresIsAnError) {
  EXPECT_THROW(decode_rows("not rows"), RunError);
}

}  // namespace
}  // namespace mpibench
