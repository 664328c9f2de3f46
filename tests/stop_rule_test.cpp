#include "bench/stop_rule.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace mpibench {
namespace {

TEST(BudgetStopRule, NeverStopsBeforeTheFirstSample) {
  const BudgetStopRule rule(1, 0.0);
  EXPECT_EQ(rule.check({{}, 100.0}), std::nullopt);
}

TEST(BudgetStopRule, StopsAtTheSampleCount) {
  const BudgetStopRule rule(3, 10.0);
  const std::vector<double> two{1, 2};
  const std::vector<double> three{1, 2, 3};
  EXPECT_EQ(rule.check({two, 0.1}), std::nullopt);
  EXPECT_EQ(rule.check({three, 0.1}), StopReason::samples);
}

TEST(BudgetStopRule, StopsWhenTheTimeBudgetIsSpent) {
  const BudgetStopRule rule(1000, 0.5);
  const std::vector<double> some{1, 2};
  EXPECT_EQ(rule.check({some, 0.49}), std::nullopt);
  EXPECT_EQ(rule.check({some, 0.5}), StopReason::time);
}

TEST(BudgetStopRule, SampleCountWinsWhenBothAreReached) {
  const BudgetStopRule rule(2, 0.5);
  const std::vector<double> two{1, 2};
  EXPECT_EQ(rule.check({two, 9.0}), StopReason::samples);
}

TEST(StopReason, Names) {
  EXPECT_EQ(to_string(StopReason::samples), "samples");
  EXPECT_EQ(to_string(StopReason::time), "time");
}

}  // namespace
}  // namespace mpibench
