#include "patterns/parts/pair.hpp"

#include <gtest/gtest.h>

namespace mpibench {
namespace {

std::variant<std::vector<int>, std::string> pair(const std::string& text, std::vector<std::string> hosts) {
  OptionValues options;
  options.set(pair_option, text);
  return pair_members(options, hosts);
}

using Ranks = std::vector<int>;

TEST(Pair, NamedRanksInTheirOrder) {
  EXPECT_EQ(std::get<Ranks>(pair("2,0", {"a", "a", "b"})), (Ranks{2, 0}));
  EXPECT_EQ(std::get<std::string>(pair("0,3", {"a", "a", "b"})), "--pair 0,3: rank 3 was not launched (ranks 0 to 2)");
  EXPECT_EQ(std::get<std::string>(pair("1,1", {"a", "b"})), "--pair 1,1: a pair is two different ranks");
  EXPECT_EQ(std::get<std::string>(pair("1", {"a", "b"})), "--pair '1' is not R1,R2 (two rank numbers), inter or intra");
  EXPECT_EQ(std::get<std::string>(pair("-1,0", {"a", "b"})), "--pair '-1,0' is not R1,R2 (two rank numbers), inter or intra");
}

TEST(Pair, InterAndIntraFindTheFirstSuchPair) {
  // Block placement: 0, 1 on a; 2, 3 on b.
  EXPECT_EQ(std::get<Ranks>(pair("inter", {"a", "a", "b", "b"})), (Ranks{0, 2}));
  EXPECT_EQ(std::get<Ranks>(pair("intra", {"a", "a", "b", "b"})), (Ranks{0, 1}));
  // Round-robin placement: 0, 2 on a; 1, 3 on b.
  EXPECT_EQ(std::get<Ranks>(pair("intra", {"a", "b", "a", "b"})), (Ranks{0, 2}));
  EXPECT_TRUE(std::holds_alternative<std::string>(pair("inter", {"a", "a"})));
  EXPECT_TRUE(std::holds_alternative<std::string>(pair("intra", {"a", "b"})));
}

}  // namespace
}  // namespace mpibench
