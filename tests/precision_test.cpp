#include "cli/precision.hpp"

#include <gtest/gtest.h>

#include "toolkit/errors.hpp"

namespace mpibench {
namespace {

TEST(ParsePrecision, FractionOrPercentage) {
  EXPECT_DOUBLE_EQ(parse_precision("0.01"), 0.01);
  EXPECT_DOUBLE_EQ(parse_precision("1%"), 0.01);
  EXPECT_DOUBLE_EQ(parse_precision("0.5%"), 0.005);
  EXPECT_DOUBLE_EQ(parse_precision("25%"), 0.25);
}

TEST(ParsePrecision, RejectsNonsenseAndOutOfRange) {
  for (const char* bad : {"", "%", "abc", "1%%", "0", "0%", "1", "100%", "-0.1", "0.01x"}) {
    EXPECT_THROW(parse_precision(bad), UsageError) << bad;
  }
}

}  // namespace
}  // namespace mpibench
