#include "statistics/two_sample_stats.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace mpibench {
namespace {

TEST(MannWhitney, AllOfXAboveAllOfY) {
  // Rank sums of 2 of 4: 3, 4, 5, 5, 6, 7; x = {3, 4} has the largest, 7.
  const std::vector<double> x{3, 4}, y{1, 2};
  const RankTest t = mann_whitney_exact(x, y);
  EXPECT_DOUBLE_EQ(t.p_greater, 1.0 / 6);
  EXPECT_DOUBLE_EQ(t.p_less, 1.0);
}

TEST(MannWhitney, ThreeAgainstThreeReachesOneTwentieth) {
  const std::vector<double> x{5, 6, 7}, y{1, 2, 3};
  EXPECT_DOUBLE_EQ(mann_whitney_exact(x, y).p_greater, 1.0 / 20);
  EXPECT_DOUBLE_EQ(mann_whitney_exact(y, x).p_less, 1.0 / 20);
  EXPECT_DOUBLE_EQ(smallest_rank_test_p(3, 3), 1.0 / 20);
  EXPECT_NEAR(smallest_rank_test_p(8, 8), 1.0 / 12870, 1e-15);
  EXPECT_NEAR(smallest_rank_test_p(5, 5), 1.0 / 252, 1e-15);  // 0.004, as the README says
}

TEST(MannWhitney, TiesUseMidRanks) {
  // Pooled 2, 2, 1, 2: ranks 3, 3, 1, 3 (the three 2s share ranks 2..4). x's sum is 6; of
  // the six pairs, three sum to 6 (two 3s) and three to 4 (a 3 and the 1).
  const std::vector<double> x{2, 2}, y{1, 2};
  const RankTest t = mann_whitney_exact(x, y);
  EXPECT_DOUBLE_EQ(t.p_greater, 0.5);
  EXPECT_DOUBLE_EQ(t.p_less, 1.0);
}

TEST(MannWhitney, IdenticalSamplesGiveNoEvidence) {
  const std::vector<double> x{1, 1, 1}, y{1, 1, 1};
  const RankTest t = mann_whitney_exact(x, y);
  EXPECT_DOUBLE_EQ(t.p_greater, 1.0);
  EXPECT_DOUBLE_EQ(t.p_less, 1.0);
}

TEST(MannWhitneyNormal, ThreeAgainstThreeByHand) {
  // U = 15 - 6 = 9, mean 4.5, variance 3 * 3 / 12 * 7 = 5.25: z = (9 - 0.5 - 4.5) / 2.2913 = 1.7457.
  const std::vector<double> x{5, 6, 7}, y{1, 2, 3};
  const RankTest t = mann_whitney_normal(x, y);
  EXPECT_NEAR(t.p_greater, 0.040428, 1e-6);
  EXPECT_NEAR(t.p_less, 0.985452, 1e-6);  // z = (4.5 - 9 - 0.5) / 2.2913 = -2.1822
}

TEST(MannWhitneyNormal, TiesShrinkTheVariance) {
  // Ranks 3, 3 | 1, 3: U = 6 - 3 = 3, mean 2; three tied: 27 - 3 = 24; variance
  // 4 / 12 * (5 - 24 / 12) = 1. z = 0.5 and -1.5.
  const std::vector<double> x{2, 2}, y{1, 2};
  const RankTest t = mann_whitney_normal(x, y);
  EXPECT_NEAR(t.p_greater, 0.308538, 1e-6);
  EXPECT_NEAR(t.p_less, 0.933193, 1e-6);
  const std::vector<double> same{1, 1, 1};
  EXPECT_DOUBLE_EQ(mann_whitney_normal(same, same).p_greater, 1.0);
  EXPECT_DOUBLE_EQ(mann_whitney_normal(same, same).p_less, 1.0);
}

TEST(MannWhitney, ExactWhenSmallNormalWhenLarge) {
  const std::vector<double> x{5, 6, 7}, y{1, 2, 3};
  EXPECT_DOUBLE_EQ(mann_whitney(x, y).p_greater, mann_whitney_exact(x, y).p_greater);
  // One host of a 64-host link map: its 63 links (slower) against the other 1953.
  std::vector<double> touching(63, 2.0);
  std::vector<double> others(1953, 1.0);
  touching[0] = 1.0;
  const RankTest t = mann_whitney(touching, others);
  EXPECT_DOUBLE_EQ(t.p_greater, mann_whitney_normal(touching, others).p_greater);
  EXPECT_LT(t.p_greater, 1e-12);
}

TEST(HodgesLehmann, MedianOfPairwiseDifferences) {
  EXPECT_DOUBLE_EQ(hodges_lehmann(std::vector<double>{1, 2, 3}, std::vector<double>{0}).shift, 2);
  // Differences 9, 8, 19, 18: the median of 8, 9, 18, 19 is 13.5.
  EXPECT_DOUBLE_EQ(hodges_lehmann(std::vector<double>{10, 20}, std::vector<double>{1, 2}).shift, 13.5);
}

TEST(HodgesLehmann, MosesIntervalForEightAgainstEight) {
  // For 8 vs 8, P(U <= 13) = 321/12870 = 0.02494 and P(U <= 14) = 0.03248, so the 95%
  // interval is [d(14), d(51)] with coverage 1 - 2 x 321/12870 = 0.95012. With x_i = 100 i and
  // y_j = j the differences are distinct: d(14) = 100 - 2 = 98, d(51) = 600 - 5 = 595.
  std::vector<double> x, y;
  for (int i = 0; i < 8; ++i) {
    x.push_back(100.0 * i);
    y.push_back(i);
  }
  const ShiftEstimate e = hodges_lehmann(x, y);
  EXPECT_DOUBLE_EQ(e.low, 98);
  EXPECT_DOUBLE_EQ(e.high, 595);
  EXPECT_NEAR(e.level, 1 - 2.0 * 321 / 12870, 1e-12);
}

TEST(HodgesLehmann, TooFewLaunchesSayWhatLevelTheyReach) {
  // 3 vs 3: P(U <= 0) = 1/20, so even [min, max] covers only 90%.
  const ShiftEstimate e = hodges_lehmann(std::vector<double>{4, 5, 6}, std::vector<double>{1, 2, 3});
  EXPECT_DOUBLE_EQ(e.low, 1);
  EXPECT_DOUBLE_EQ(e.high, 5);
  EXPECT_DOUBLE_EQ(e.shift, 3);
  EXPECT_NEAR(e.level, 0.9, 1e-12);
}

TEST(MultipleTesting, BenjaminiHochberg) {
  // Sorted 0.005, 0.01, 0.03, 0.04 times m/i: 0.02, 0.02, 0.04, 0.04 (already monotone).
  const std::vector<double> q = benjamini_hochberg(std::vector<double>{0.01, 0.04, 0.03, 0.005});
  const std::vector<double> expected{0.02, 0.04, 0.04, 0.02};
  for (std::size_t i = 0; i < q.size(); ++i) EXPECT_NEAR(q[i], expected[i], 1e-15) << i;
  // The step-up keeps q monotone: 0.04 x 2/1 = 0.08 is lowered to the next one's 0.05.
  const std::vector<double> q2 = benjamini_hochberg(std::vector<double>{0.04, 0.05});
  EXPECT_NEAR(q2[0], 0.05, 1e-15);
  EXPECT_NEAR(q2[1], 0.05, 1e-15);
}

TEST(MultipleTesting, Holm) {
  // Sorted times (m - i): 0.02, 0.03, 0.06, 0.04 -> running maximum 0.02, 0.03, 0.06, 0.06.
  const std::vector<double> a = holm(std::vector<double>{0.01, 0.04, 0.03, 0.005});
  const std::vector<double> expected{0.03, 0.06, 0.06, 0.02};
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], expected[i], 1e-15) << i;
  EXPECT_DOUBLE_EQ(holm(std::vector<double>{0.9, 0.8})[0], 1.0);
}

}  // namespace
}  // namespace mpibench
