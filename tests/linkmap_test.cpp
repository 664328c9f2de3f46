#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "patterns/definition.hpp"

namespace mpibench {
namespace {

OptionValues linkmap_defaults() {
  OptionValues values;
  for (const PatternOption* option : linkmap_pattern.options) {
    values.set(*option, parse_option_value(*option, option->default_text));
  }
  return values;
}

// A bandwidth row of the link src -> dst (ranks = hosts h1..h4 = 0..3) at `mb_s`, measured
// precisely (its CI's favourable end 1% better), at `pass`.
Record bandwidth_row(int src, int dst, double mb_s, std::int64_t pass) {
  const double median_us = 1e6 / mb_s;  // 1 MB per operation
  Record row;
  row.set("pattern", std::string("linkmap"))
      .set("metric", std::string("bandwidth"))
      .set("src_host", fmt::format("h{}", src + 1))
      .set("dst_host", fmt::format("h{}", dst + 1))
      .set("src_rank", std::int64_t{src})
      .set("dst_rank", std::int64_t{dst})
      .set("median_us", median_us)
      .set("ci_low_us", median_us / 1.01)
      .set("bandwidth_mb_s", mb_s)
      .set("pass", pass);
  return row;
}

std::vector<Record> sweep(double slow_link_mb_s) {
  std::vector<Record> rows;
  for (int a = 0; a < 4; ++a) {
    for (int b = 0; b < 4; ++b) {
      if (a == b) continue;
      // h3 -> h1 slow once (another process on its core); the rest within 2%.
      rows.push_back(bandwidth_row(a, b, a == 2 && b == 0 ? slow_link_mb_s : 1000 + 10 * ((a + b) % 3), 1));
    }
  }
  return rows;
}

TEST(Linkmap, WhatItWouldFlagIsMeasuredAgain) {
  const std::vector<Record> rows = sweep(600);
  const auto again = linkmap_pattern.measure_again(rows, linkmap_defaults());
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(*rows[again[0]].find("src_rank")), 2);
  EXPECT_EQ(std::get<std::int64_t>(*rows[again[0]].find("dst_rank")), 0);
  // Nothing far from the rest: no second look.
  EXPECT_TRUE(linkmap_pattern.measure_again(sweep(1000), linkmap_defaults()).empty());
}

TEST(Linkmap, ALinkSlowOnlyOnceIsNotFlaggedButSaid) {
  std::vector<Record> rows = sweep(600);
  rows.push_back(bandwidth_row(2, 0, 1005, 2));
  OptionValues values = linkmap_defaults();
  for (const PatternOption* option : linkmap_pattern.options) {
    if (option->name() == "fail-on-outliers") values.set(*option, true);
  }
  const RowsVerdict verdict = linkmap_pattern.verdict(rows, values);
  ASSERT_EQ(verdict.lines.size(), 1u);
  EXPECT_EQ(verdict.lines[0],
            "linkmap bandwidth: 12 links (each direction one), median 1010 MB/s; none far from it; "
            "slow once, not when measured again: h3->h1 -41%, then -0%");
  EXPECT_FALSE(verdict.failure);
}

TEST(Linkmap, ALinkSlowTwiceIsFlagged) {
  std::vector<Record> rows = sweep(600);
  rows.push_back(bandwidth_row(2, 0, 620, 2));
  const RowsVerdict verdict = linkmap_pattern.verdict(rows, linkmap_defaults());
  ASSERT_EQ(verdict.lines.size(), 1u);
  EXPECT_EQ(verdict.lines[0],
            "linkmap bandwidth: 12 links (each direction one), median 1010 MB/s; slow links: h3->h1 620 MB/s (-39%)");
}

}  // namespace
}  // namespace mpibench
