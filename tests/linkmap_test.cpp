#include <gtest/gtest.h>

#include <string>
#include <utility>
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

const std::vector<std::string> hosts{"h1", "h2", "h3", "h4"};  // ranks 0..3

// The steps linkmap plans for the four hosts: one link and direction each, by default.
std::vector<Step> steps_of(const OptionValues& values) {
  return std::get<std::vector<Step>>(linkmap_pattern.steps(values, hosts));
}

// The step and group that measure the bandwidth src -> dst.
std::pair<std::size_t, std::size_t> bandwidth_link(const std::vector<Step>& steps, int src, int dst) {
  for (std::size_t k = 0; k < steps.size(); ++k) {
    if (steps[k].measures != &bandwidth_pattern) continue;
    for (std::size_t g = 0; g < steps[k].groups.size(); ++g) {
      if (steps[k].groups[g].members == std::vector<int>{src, dst}) return {k, g};
    }
  }
  ADD_FAILURE() << "no step measures " << src << " -> " << dst;
  return {0, 0};
}

// A bandwidth row of step `k`'s group `g` at `mb_s`, measured precisely (its CI's favourable
// end 1% better), at `pass`.
StepRow bandwidth_row(std::pair<std::size_t, std::size_t> link, double mb_s, std::int64_t pass) {
  const double median_us = 1e6 / mb_s;  // 1 MB per operation
  return StepRow{link.first, link.second, 1, pass, RowFigures{median_us, median_us / 1.01, mb_s}};
}

// Every directed link's bandwidth: h3 -> h1 at `slow_link_mb_s` (another process on its
// core), the rest within 2%.
std::vector<StepRow> sweep(const std::vector<Step>& steps, double slow_link_mb_s) {
  std::vector<StepRow> rows;
  for (int a = 0; a < 4; ++a) {
    for (int b = 0; b < 4; ++b) {
      if (a == b) continue;
      rows.push_back(bandwidth_row(bandwidth_link(steps, a, b), a == 2 && b == 0 ? slow_link_mb_s : 1000 + 10 * ((a + b) % 3), 1));
    }
  }
  return rows;
}

TEST(Linkmap, WhatItWouldFlagIsMeasuredAgain) {
  const std::vector<Step> steps = steps_of(linkmap_defaults());
  const std::vector<StepRow> rows = sweep(steps, 600);
  const auto again = linkmap_pattern.measure_again(StepsRun{steps, hosts, rows}, linkmap_defaults());
  ASSERT_EQ(again.size(), 1u);
  const StepRow& row = rows[again[0]];
  EXPECT_EQ(steps[row.step].groups[row.group].members, (std::vector<int>{2, 0}));
  // Nothing far from the rest: no second look.
  const std::vector<StepRow> even = sweep(steps, 1000);
  EXPECT_TRUE(linkmap_pattern.measure_again(StepsRun{steps, hosts, even}, linkmap_defaults()).empty());
}

TEST(Linkmap, ALinkSlowOnlyOnceIsNotFlaggedButSaid) {
  OptionValues values = linkmap_defaults();
  for (const PatternOption* option : linkmap_pattern.options) {
    if (option->name() == "fail-on-outliers") values.set(*option, true);
  }
  const std::vector<Step> steps = steps_of(values);
  std::vector<StepRow> rows = sweep(steps, 600);
  rows.push_back(bandwidth_row(bandwidth_link(steps, 2, 0), 1005, 2));
  const RowsVerdict verdict = linkmap_pattern.verdict(StepsRun{steps, hosts, rows}, values);
  ASSERT_EQ(verdict.lines.size(), 1u);
  EXPECT_EQ(verdict.lines[0],
            "linkmap bandwidth: 12 links (each direction one), median 1010 MB/s; none far from it; "
            "slow once, not when measured again: h3->h1 -41%, then -0%");
  EXPECT_FALSE(verdict.failure);
}

TEST(Linkmap, ALinkSlowTwiceIsFlagged) {
  const std::vector<Step> steps = steps_of(linkmap_defaults());
  std::vector<StepRow> rows = sweep(steps, 600);
  rows.push_back(bandwidth_row(bandwidth_link(steps, 2, 0), 620, 2));
  const RowsVerdict verdict = linkmap_pattern.verdict(StepsRun{steps, hosts, rows}, linkmap_defaults());
  ASSERT_EQ(verdict.lines.size(), 1u);
  EXPECT_EQ(verdict.lines[0],
            "linkmap bandwidth: 12 links (each direction one), median 1010 MB/s; slow links: h3->h1 620 MB/s (-39%)");
}

// Every link of h2 at 100 MB/s or so (both passes), the rest within 2%.
TEST(Linkmap, AHostWhoseEveryLinkIsSlowIsSaidOnce) {
  const std::vector<Step> steps = steps_of(linkmap_defaults());
  std::vector<StepRow> rows;
  for (const std::int64_t pass : {1, 2}) {
    for (int a = 0; a < 4; ++a) {
      for (int b = 0; b < 4; ++b) {
        if (a == b) continue;
        const bool through_h2 = a == 1 || b == 1;
        if (pass == 2 && !through_h2) continue;
        rows.push_back(bandwidth_row(bandwidth_link(steps, a, b), through_h2 ? 95 + a + b : 1000 + 10 * ((a + b) % 3), pass));
      }
    }
  }
  const RowsVerdict verdict = linkmap_pattern.verdict(StepsRun{steps, hosts, rows}, linkmap_defaults());
  ASSERT_EQ(verdict.lines.size(), 1u);
  EXPECT_EQ(verdict.lines[0],
            "linkmap bandwidth: 12 links (each direction one), median 1020 MB/s without the flagged hosts; slow hosts: "
            "h2; slow links: every link of h2 (6) 96 to 99 MB/s (-91% to -90%)");
}

}  // namespace
}  // namespace mpibench
