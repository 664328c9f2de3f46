#include "statistics/stop_rule.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace mpibench {
namespace {

// Samples whose 95% median CI has a known relative half-width: n values spread evenly
// around 100 by `step`.
std::vector<double> around_100(std::size_t n, double step) {
  std::vector<double> v;
  for (std::size_t i = 0; i < n; ++i) v.push_back(100 + step * (static_cast<double>(i) - static_cast<double>(n - 1) / 2));
  return v;
}

TEST(AdaptiveStopRule, NeverStopsBeforeTheMinimumWhileTheBudgetLasts) {
  AdaptiveStopRule rule(10, 1000, 0.5, 1.0);  // precision lax
  const auto nine = around_100(9, 0.0);
  EXPECT_EQ(rule.check({nine, 0.99, 9}), std::nullopt);
  const auto ten = around_100(10, 0.0);
  EXPECT_EQ(rule.check({ten, 1.0, 10}), StopReason::time);
}

// Samples so long that the budget is spent before --min-samples: the size ends at six, the
// fewest whose median has a 95% interval, and says so.
TEST(AdaptiveStopRule, LongSamplesStopAtTheFewestWithAnInterval) {
  AdaptiveStopRule rule(10, 1000, 0.0001, 1.0);
  const auto five = around_100(5, 1.0);
  EXPECT_EQ(rule.check({five, 11.5, 5}), std::nullopt);
  const auto six = around_100(6, 1.0);
  EXPECT_EQ(rule.check({six, 0.99, 6}), std::nullopt);  // the budget lasts: on to ten
  EXPECT_EQ(rule.check({six, 13.8, 6}), StopReason::long_samples);
  EXPECT_EQ(to_string(StopReason::long_samples), "long_samples");
  // A minimum below six is the minimum.
  AdaptiveStopRule few(3, 1000, 0.0001, 1.0);
  const auto three = around_100(3, 1.0);
  EXPECT_EQ(few.check({three, 7.0, 3}), StopReason::time);
  // --samples N is exactly N, however long they take.
  AdaptiveStopRule exact(10, 10, 0.0001, 1.0);
  EXPECT_EQ(exact.check({six, 13.8, 6}), std::nullopt);
  EXPECT_EQ(exact.samples_before_next_look(0), 10u);
}

TEST(AdaptiveStopRule, StopsOnPrecision) {
  AdaptiveStopRule rule(10, 1000, 0.01, 10.0);
  // Identical samples: the interval has zero width.
  const auto tight = around_100(10, 0.0);
  EXPECT_EQ(rule.check({tight, 0.1, 10}), StopReason::precision);
}

TEST(AdaptiveStopRule, KeepsSamplingWhileTheIntervalIsWide) {
  AdaptiveStopRule rule(10, 1000, 0.01, 10.0);
  // n = 10: the 95% interval is [x2, x9]; with a step of 1 its half-width is 3.5 = 3.5%.
  const auto wide = around_100(10, 1.0);
  EXPECT_EQ(rule.check({wide, 0.1, 10}), std::nullopt);
  EXPECT_NEAR(*median_ci_relative_half_width(wide), 0.035, 1e-12);
}

TEST(AdaptiveStopRule, StopsAtTheSampleCap) {
  AdaptiveStopRule rule(5, 20, 0.0001, 10.0);
  const auto twenty = around_100(20, 1.0);
  EXPECT_EQ(rule.check({twenty, 0.1, 20}), StopReason::samples);
}

TEST(AdaptiveStopRule, StopsWhenTheTimeBudgetIsSpent) {
  AdaptiveStopRule rule(5, 1000, 0.0001, 0.5);
  const auto some = around_100(12, 1.0);
  EXPECT_EQ(rule.check({some, 0.49, 12}), std::nullopt);
  EXPECT_EQ(rule.check({some, 0.5, 12}), StopReason::time);
}

TEST(AdaptiveStopRule, LooksAgainOnlyAfterTenPercentMoreSamples) {
  AdaptiveStopRule rule(10, 100000, 0.01, 100.0);
  auto samples = around_100(100, 1.0);  // wide: keeps sampling
  EXPECT_EQ(rule.check({samples, 0, 100}), std::nullopt);
  // Now tight, but the next look is due at 110 samples.
  std::vector<double> tight(105, 100.0);
  EXPECT_EQ(rule.check({tight, 0, 105}), std::nullopt);
  std::vector<double> more(110, 100.0);
  EXPECT_EQ(rule.check({more, 0, 110}), StopReason::precision);
  rule.reset();
  EXPECT_EQ(rule.check({tight, 0, 105}), StopReason::precision);
}

TEST(AdaptiveStopRule, FewerThanSixSamplesNeverMeetPrecision) {
  AdaptiveStopRule rule(3, 1000, 0.5, 10.0);
  const std::vector<double> five(5, 1.0);
  EXPECT_EQ(rule.check({five, 0, 5}), std::nullopt);  // [min, max] covers only 93.75%
  EXPECT_EQ(median_ci_relative_half_width(five), std::nullopt);
}

TEST(AdaptiveStopRule, SamplesShorthandIsMinEqualsMax) {
  AdaptiveStopRule rule(7, 7, 0.0001, 10.0);
  const auto six = around_100(6, 5.0);
  const auto seven = around_100(7, 5.0);
  EXPECT_EQ(rule.check({six, 0, 6}), std::nullopt);
  EXPECT_EQ(rule.check({seven, 0, 7}), StopReason::samples);
  EXPECT_EQ(rule.metadata_text(), "7 samples per size");
}

// The block a runner may time before it asks again: what the rule would do with the samples
// between two looks is nothing.
TEST(AdaptiveStopRule, SaysHowManySamplesComeBeforeItsNextLook) {
  AdaptiveStopRule rule(10, 25, 0.01, 10.0);
  // First at six, where long samples may end the size, then at --min-samples.
  EXPECT_EQ(rule.samples_before_next_look(0), 6u);
  EXPECT_EQ(rule.samples_before_next_look(4), 2u);
  EXPECT_EQ(rule.samples_before_next_look(6), 4u);
  const auto wide = around_100(20, 1.0);
  EXPECT_EQ(rule.check({wide, 0.1, 20}), std::nullopt);  // looks at 20: next at 22
  EXPECT_EQ(rule.samples_before_next_look(20), 2u);
  EXPECT_EQ(rule.samples_before_next_look(21), 1u);
  const auto wider = around_100(22, 1.0);
  EXPECT_EQ(rule.check({wider, 0.1, 22}), std::nullopt);  // next at 24
  EXPECT_EQ(rule.samples_before_next_look(22), 2u);
  // Never past --max-samples.
  const auto more = around_100(24, 1.0);
  EXPECT_EQ(rule.check({more, 0.1, 24}), std::nullopt);  // next at 26, but 25 is the most
  EXPECT_EQ(rule.samples_before_next_look(24), 1u);
  EXPECT_EQ(rule.samples_before_next_look(25), 1u);
}

TEST(FixedStopRule, CountsOperationsNotSamples) {
  FixedStopRule rule(1000, 1.0);
  const auto some = around_100(3, 1.0);
  EXPECT_EQ(rule.operations_left(0), 1000);
  EXPECT_EQ(rule.operations_left(960), 40);
  EXPECT_EQ(rule.check({some, 99.0, 999}), std::nullopt);  // time does not end fixed mode
  EXPECT_EQ(rule.check({some, 0, 1000}), StopReason::iterations);
  EXPECT_EQ(rule.samples_before_next_look(960), 40u);
  EXPECT_EQ(rule.samples_before_next_look(1000), 1u);
}

TEST(StopRule, SetsTheBudgetOfASelfTimedRun) {
  const FixedStopRule fixed(1000, 0.5);
  const OperationBudget counted = fixed.self_timed_budget(50);
  EXPECT_EQ(counted.max_ops, 1000);  // fixed mode counts, whatever the pattern's own count
  EXPECT_DOUBLE_EQ(counted.max_time_s, 0.5);
  EXPECT_EQ(fixed.count_reached(), StopReason::iterations);
  // Adaptive: at least --min-samples operations, then the pattern's own count or the time.
  const AdaptiveStopRule adaptive(10, 100, 0.01, 2.0);
  const OperationBudget own = adaptive.self_timed_budget(50);
  EXPECT_EQ(own.min_ops, 10);
  EXPECT_EQ(own.max_ops, 50);
  EXPECT_DOUBLE_EQ(own.max_time_s, 2.0);
  EXPECT_EQ(adaptive.self_timed_budget(500).max_ops, 500);
  EXPECT_EQ(adaptive.self_timed_budget(4).min_ops, 4);  // never more than the count
  // --samples 5 (min = max = 5): exactly 5, whatever the pattern's own count.
  const OperationBudget exact = AdaptiveStopRule(5, 5, 0.01, 2.0).self_timed_budget(10000);
  EXPECT_EQ(exact.min_ops, 5);
  EXPECT_EQ(exact.max_ops, 5);
  EXPECT_EQ(adaptive.count_reached(), StopReason::samples);
}

TEST(StopReason, Names) {
  EXPECT_EQ(to_string(StopReason::precision), "precision");
  EXPECT_EQ(to_string(StopReason::samples), "samples");
  EXPECT_EQ(to_string(StopReason::time), "time");
  EXPECT_EQ(to_string(StopReason::iterations), "iterations");
}

}  // namespace
}  // namespace mpibench
