#include "bench/statistics/two_sample_stats.hpp"

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
