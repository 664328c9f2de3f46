#include "statistics/collective_costs.hpp"

#include <gtest/gtest.h>

namespace mpibench {
namespace {

// alpha 2 us, beta 0.01 us/B, gamma 0.001 us/B: hand-computed costs.
const CostInputs inputs{[](double bytes) { return 2 + 0.01 * bytes; }, 0.001};

double cost(std::string_view pattern, std::string_view name, int p, double m) {
  const CollectiveAlgorithm* a = find_algorithm(pattern, name);
  EXPECT_NE(a, nullptr) << pattern << " " << name;
  return a ? a->cost_us(inputs, p, m) : 0;
}

TEST(CollectiveCosts, HandComputed) {
  // 8 ranks, m = 800 B: log p = 3, one message of 800 B = 10 us.
  EXPECT_DOUBLE_EQ(cost("bcast", "binomial", 8, 800), 30);
  // scatter then recursive-doubling allgather: 2 x (4 + 2 + 1 B x 100 .. ) = 2 x (6 + 4 + 3) = 26
  EXPECT_DOUBLE_EQ(cost("bcast", "scatter_recursive_doubling_allgather", 8, 800), 26);
  // binomial scatter of 100 B blocks: 400, 200, 100 B = 6 + 4 + 3
  EXPECT_DOUBLE_EQ(cost("bcast", "scatter_ring_allgather", 8, 800), 13 + 7 * 3);
  EXPECT_DOUBLE_EQ(cost("scatter", "binomial", 8, 100), 13);
  EXPECT_DOUBLE_EQ(cost("gather", "binomial", 8, 100), 13);
  // 3 x (10 + 0.8)
  EXPECT_DOUBLE_EQ(cost("reduce", "binomial", 8, 800), 32.4);
  EXPECT_DOUBLE_EQ(cost("allreduce", "recursive_doubling", 8, 800), 32.4);
  // 2 x 13 + 0.001 x 800 x 7/8
  EXPECT_DOUBLE_EQ(cost("allreduce", "reduce_scatter_allgather", 8, 800), 26.7);
  EXPECT_DOUBLE_EQ(cost("reduce", "reduce_scatter_gather", 8, 800), 26.7);
  // 7 x (2 + 1)
  EXPECT_DOUBLE_EQ(cost("allgather", "ring", 8, 100), 21);
  // 100, 200, 400 B: 3 + 4 + 6
  EXPECT_DOUBLE_EQ(cost("allgather", "recursive_doubling", 8, 100), 13);
  EXPECT_DOUBLE_EQ(cost("alltoall", "pairwise", 8, 100), 21);
  // 3 x (2 + 4 x 100 x 0.01)
  EXPECT_DOUBLE_EQ(cost("alltoall", "brucks", 8, 100), 18);
}

TEST(CollectiveCosts, TwoRanksAreOneMessage) {
  for (const CollectiveAlgorithm& a : collective_algorithms()) {
    const bool reduces = a.pattern == "reduce" || a.pattern == "allreduce";
    // At 2 ranks every tree is one exchange of the message (plus the combining, halved for
    // the reduce-scatter algorithms, which also split the message in two).
    const double one = a.cost_us(inputs, 2, 800);
    EXPECT_GE(one, 2 + 0.01 * 400) << a.pattern << " " << a.name;
    EXPECT_LE(one, 2 * (2 + 0.01 * 800) + (reduces ? 0.8 : 0)) << a.pattern << " " << a.name;
  }
  EXPECT_DOUBLE_EQ(cost("bcast", "binomial", 2, 800), 10);
  EXPECT_DOUBLE_EQ(cost("reduce", "binomial", 2, 800), 10.8);
}

TEST(CollectiveCosts, RoundsAndVariables) {
  EXPECT_EQ(ceil_log2(1), 0);
  EXPECT_EQ(ceil_log2(2), 1);
  EXPECT_EQ(ceil_log2(5), 3);
  // A rank count of 2^30 + 1 looped forever once (1 << 31 overflowed): 31 rounds.
  EXPECT_EQ(ceil_log2((1 << 30) + 1), 31);
  EXPECT_EQ(ceil_log2(2147483647), 31);
  EXPECT_EQ(ceil_log2(8), 3);
  EXPECT_EQ(algorithm_variable("allreduce"), "MPIR_CVAR_ALLREDUCE_INTRA_ALGORITHM");
  EXPECT_EQ(find_algorithm("bcast", "no-such"), nullptr);
}

}  // namespace
}  // namespace mpibench
