#include "results/record.hpp"

#include <gtest/gtest.h>

namespace mpibench {
namespace {

TEST(RecordEncoding, RoundTripsEveryKindOfCellExactly) {
  Record first;
  first.set("pattern", std::string("pingpong"))
      .set("bytes", std::int64_t{-3})
      .set("median_us", 0.1 + 0.2)  // not a short decimal: must come back bit for bit
      .set("root", std::monostate{})
      .set("note", std::string(""));
  Record second;
  second.set("bytes", std::int64_t{1} << 40);
  const auto back = decode_records(encode_records({first, second}));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].cells(), first.cells());
  EXPECT_EQ(back[1].cells(), second.cells());
  EXPECT_TRUE(decode_records(encode_records({})).empty());
}

}  // namespace
}  // namespace mpibench
