#include "cli/nearest_names.hpp"

#include <gtest/gtest.h>

namespace mpibench {
namespace {

TEST(EditDistance, HandCounted) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("pingpong", "pingpong"), 0u);
  EXPECT_EQ(edit_distance("pingpng", "pingpong"), 1u);   // one deletion
  EXPECT_EQ(edit_distance("allredcue", "allreduce"), 1u);  // one swap of neighbours
  EXPECT_EQ(edit_distance("PingPong", "pingpong"), 0u);  // case does not count
  EXPECT_EQ(edit_distance("bcast", "scatter"), 4u);      // b->s, insert t, t->e... hand: bcast -> scatter
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);     // the textbook case
  EXPECT_EQ(edit_distance("abc", ""), 3u);
}

TEST(NearestNames, TyposFindTheirWord) {
  const std::vector<std::string> patterns{"pingpong", "bandwidth", "bibw", "bcast", "barrier", "allreduce", "all"};
  EXPECT_EQ(nearest_names("pingpng", patterns), std::vector<std::string>{"pingpong"});
  EXPECT_EQ(nearest_names("allredcue", patterns), std::vector<std::string>{"allreduce"});
  EXPECT_TRUE(nearest_names("hostname", patterns).empty());
  const std::vector<std::string> options{"--sizes", "--samples", "--seed", "--precision", "--size-x"};
  // "--size" is one deletion from --sizes and the start of --size-x.
  EXPECT_EQ(nearest_names("--size", options), (std::vector<std::string>{"--sizes", "--size-x"}));
  EXPECT_EQ(nearest_names("--prec", options), std::vector<std::string>{"--precision"});
}

TEST(NearestNames, TheLimitKeepsTheNearest) {
  const std::vector<std::string> names{"abcd", "abce", "abcf", "abc"};
  EXPECT_EQ(nearest_names("abc", names, 2), (std::vector<std::string>{"abc", "abcd"}));
}

TEST(DidYouMean, ListsInOrder) {
  EXPECT_EQ(did_you_mean({}), "");
  EXPECT_EQ(did_you_mean({"--sizes"}), "; did you mean '--sizes'?");
  EXPECT_EQ(did_you_mean({"a", "b", "c"}), "; did you mean 'a', 'b' or 'c'?");
}

}  // namespace
}  // namespace mpibench
