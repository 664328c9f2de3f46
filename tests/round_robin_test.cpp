#include "patterns/parts/round_robin.hpp"

#include <gtest/gtest.h>

#include <set>

namespace mpibench {
namespace {

TEST(RoundRobin, EveryUnorderedPairOnceAndNoEndpointTwiceInARound) {
  for (int n = 2; n <= 33; ++n) {
    const auto rounds = round_robin_rounds(n);
    EXPECT_EQ(static_cast<int>(rounds.size()), n % 2 == 0 ? n - 1 : n) << n;
    std::set<std::pair<int, int>> seen;
    for (const Round& round : rounds) {
      std::set<int> busy;
      for (const auto& [a, b] : round) {
        EXPECT_LT(a, b);
        EXPECT_GE(a, 0);
        EXPECT_LT(b, n);
        EXPECT_TRUE(busy.insert(a).second) << n << ": " << a << " twice in a round";
        EXPECT_TRUE(busy.insert(b).second) << n << ": " << b << " twice in a round";
        EXPECT_TRUE(seen.insert({a, b}).second) << n << ": " << a << "-" << b << " twice";
      }
      // Every endpoint plays in every round, but one when N is odd.
      EXPECT_EQ(static_cast<int>(busy.size()), n % 2 == 0 ? n : n - 1) << n;
    }
    EXPECT_EQ(static_cast<int>(seen.size()), n * (n - 1) / 2) << n;
  }
}

TEST(RoundRobin, SmallCasesByHand) {
  EXPECT_TRUE(round_robin_rounds(1).empty());
  EXPECT_EQ(round_robin_rounds(2), (std::vector<Round>{{{0, 1}}}));
  // Three endpoints: three rounds of one pair, each leaving one endpoint idle.
  EXPECT_EQ(round_robin_rounds(3), (std::vector<Round>{{{1, 2}}, {{0, 2}}, {{0, 1}}}));
}

}  // namespace
}  // namespace mpibench
