#include "statistics/stats.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace mpibench {
namespace {

TEST(Percentile, InterpolatesBetweenClosestRanks) {
  const std::vector<double> sorted{1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(percentile_sorted(sorted, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(percentile_sorted(sorted, 1.0), 4.0);
  EXPECT_DOUBLE_EQ(percentile_sorted(sorted, 0.5), 2.5);
  // h = 3 * 0.95 = 2.85: 3 + 0.85 * (4 - 3)
  EXPECT_DOUBLE_EQ(percentile_sorted(sorted, 0.95), 3.85);
}

TEST(Percentile, SingleSampleIsEveryPercentile) {
  const std::vector<double> one{7};
  EXPECT_DOUBLE_EQ(percentile_sorted(one, 0.0), 7);
  EXPECT_DOUBLE_EQ(percentile_sorted(one, 0.99), 7);
}

TEST(MedianOf, UnsortedOddEvenAndNone) {
  const std::vector<double> odd{9, 1, 5};        // sorted 1 5 9
  const std::vector<double> even{4, 10, 1, 7};   // sorted 1 4 7 10: (4 + 7) / 2
  EXPECT_DOUBLE_EQ(median_of(odd), 5);
  EXPECT_DOUBLE_EQ(median_of(even), 5.5);
  EXPECT_DOUBLE_EQ(median_of(std::vector<double>{}), 0);
}

TEST(Summarize, OddCount) {
  const std::vector<double> samples{5, 1, 4, 2, 3};
  const Summary s = summarize(samples);
  EXPECT_EQ(s.count, 5u);
  EXPECT_DOUBLE_EQ(s.min, 1);
  EXPECT_DOUBLE_EQ(s.max, 5);
  EXPECT_DOUBLE_EQ(s.median, 3);
  EXPECT_DOUBLE_EQ(s.mean, 3);
  // Sample variance: (4 + 1 + 0 + 1 + 4) / 4 = 2.5
  EXPECT_DOUBLE_EQ(s.stddev, std::sqrt(2.5));
  // h = 4 * 0.95 = 3.8: 4 + 0.8 * (5 - 4)
  EXPECT_DOUBLE_EQ(s.p95, 4.8);
}

TEST(Summarize, EvenCountMedianIsMidpoint) {
  const std::vector<double> samples{10, 2, 8, 4};
  const Summary s = summarize(samples);
  EXPECT_DOUBLE_EQ(s.median, 6);
  EXPECT_DOUBLE_EQ(s.mean, 6);
}

TEST(Summarize, OneSample) {
  const std::vector<double> samples{3.5};
  const Summary s = summarize(samples);
  EXPECT_EQ(s.count, 1u);
  EXPECT_DOUBLE_EQ(s.min, 3.5);
  EXPECT_DOUBLE_EQ(s.max, 3.5);
  EXPECT_DOUBLE_EQ(s.median, 3.5);
  EXPECT_DOUBLE_EQ(s.stddev, 0);
  EXPECT_DOUBLE_EQ(s.median_ci.low, 3.5);
  EXPECT_DOUBLE_EQ(s.median_ci.high, 3.5);
  EXPECT_DOUBLE_EQ(s.median_ci.level, 0.0);  // one sample says nothing about the median
}

TEST(Summarize, TiesKeepOrdering) {
  const std::vector<double> samples{2, 2, 2, 1, 2, 3};
  const Summary s = summarize(samples);
  EXPECT_DOUBLE_EQ(s.median, 2);
  EXPECT_LE(s.median_ci.low, s.median);
  EXPECT_GE(s.median_ci.high, s.median);
}

TEST(Summarize, RejectsNoSamples) {
  const std::vector<double> none;
  EXPECT_THROW(summarize(none), std::invalid_argument);
}

std::vector<double> one_to(int n) {
  std::vector<double> v;
  for (int i = 1; i <= n; ++i) v.push_back(i);
  return v;
}

// Hand-computed from Binomial(n, 1/2): the coverage of [x(j), x(n+1-j)] is
// 1 - 2 P(B <= j - 1).
TEST(MedianCi, TooFewSamplesGiveMinMaxWithTheirLevel) {
  // n = 5: [x1, x5] covers 1 - 2/32 = 0.9375 < 0.95, the best there is.
  const auto five = one_to(5);
  const MedianCi ci = median_ci_sorted(five);
  EXPECT_DOUBLE_EQ(ci.low, 1);
  EXPECT_DOUBLE_EQ(ci.high, 5);
  EXPECT_DOUBLE_EQ(ci.level, 0.9375);
}

TEST(MedianCi, SixSamplesReachNinetyFivePercent) {
  // n = 6: [x1, x6] covers 1 - 2/64 = 0.96875; [x2, x5] only 1 - 2 * 7/64 = 0.78125.
  const auto six = one_to(6);
  const MedianCi ci = median_ci_sorted(six);
  EXPECT_DOUBLE_EQ(ci.low, 1);
  EXPECT_DOUBLE_EQ(ci.high, 6);
  EXPECT_DOUBLE_EQ(ci.level, 0.96875);
}

TEST(MedianCi, TwentySamples) {
  // n = 20: P(B <= 5) = 21700/2^20 = 0.020695 <= 0.025 and P(B <= 6) = 0.057659 > 0.025,
  // so j = 6: [x6, x15], coverage 1 - 2 * 0.020695 = 0.958611.
  const auto twenty = one_to(20);
  const MedianCi ci = median_ci_sorted(twenty);
  EXPECT_DOUBLE_EQ(ci.low, 6);
  EXPECT_DOUBLE_EQ(ci.high, 15);
  EXPECT_NEAR(ci.level, 1.0 - 2.0 * 21700.0 / 1048576.0, 1e-12);
}

TEST(MedianCi, HundredSamplesMatchesTables) {
  // n = 100: the classic table value is [x40, x61] at 95.2% coverage.
  const auto hundred = one_to(100);
  const MedianCi ci = median_ci_sorted(hundred);
  EXPECT_DOUBLE_EQ(ci.low, 40);
  EXPECT_DOUBLE_EQ(ci.high, 61);
  EXPECT_NEAR(ci.level, 0.9648, 1e-3);
}

TEST(MedianCi, LargeCountsStayNearTheNormalApproximation) {
  // n = 1e6: half-width ~ 1.96 * sqrt(n) / 2 = 980 order statistics.
  const auto many = one_to(1'000'000);
  const MedianCi ci = median_ci_sorted(many);
  EXPECT_NEAR(ci.low, 500'000 - 980, 3);
  EXPECT_NEAR(ci.high, 500'001 + 980, 3);
  EXPECT_GE(ci.level, 0.95);
  EXPECT_LT(ci.level, 0.951);
}

}  // namespace
}  // namespace mpibench

namespace mpibench {
namespace {

TEST(Outliers, TukeyFencesFromQuartiles) {
  // 1..8: Q1 = 2.75, Q3 = 6.25 (type 7), IQR = 3.5, fences -2.5 and 11.5.
  const std::vector<double> sorted{1, 2, 3, 4, 5, 6, 7, 8};
  const Fences f = tukey_fences_sorted(sorted);
  EXPECT_DOUBLE_EQ(f.low, -2.5);
  EXPECT_DOUBLE_EQ(f.high, 11.5);
}

TEST(Outliers, CountsBothSidesAndKeepsTheRest) {
  const std::vector<double> samples{5, 1, 2, 3, 4, 6, 7, 8, 12, -3};
  // With 12 and -3 added: Q1 = 2.25, Q3 = 6.75, IQR = 4.5, fences -4.5 and 13.5: none out.
  EXPECT_EQ(count_outliers(samples), 0u);
  const std::vector<double> spiky{10, 10, 10, 10, 11, 10, 10, 50, 10, 0.5};
  // Q1 = Q3 = 10: every value but 10 is outside fences of zero width.
  EXPECT_EQ(count_outliers(spiky), 3u);
  EXPECT_EQ(without_outliers(spiky), (std::vector<double>{10, 10, 10, 10, 10, 10, 10}));
}

TEST(Outliers, NoneInAnEmptyOrConstantSet) {
  EXPECT_EQ(count_outliers(std::vector<double>{}), 0u);
  EXPECT_EQ(count_outliers(std::vector<double>{3, 3, 3}), 0u);
}

TEST(Summarize, CoefficientOfVariation) {
  const std::vector<double> samples{5, 1, 4, 2, 3};
  EXPECT_DOUBLE_EQ(summarize(samples).cv, std::sqrt(2.5) / 3);
}

}  // namespace
}  // namespace mpibench
