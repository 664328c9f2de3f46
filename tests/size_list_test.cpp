#include "cli/size_list.hpp"

#include <gtest/gtest.h>

#include "toolkit/errors.hpp"

namespace mpibench {
namespace {

using Sizes = std::vector<std::uint64_t>;

TEST(ParseSize, PlainAndSuffixed) {
  EXPECT_EQ(parse_size("0"), 0u);
  EXPECT_EQ(parse_size("123"), 123u);
  EXPECT_EQ(parse_size("4K"), 4096u);
  EXPECT_EQ(parse_size("4k"), 4096u);
  EXPECT_EQ(parse_size("2M"), 2u << 20);
  EXPECT_EQ(parse_size("1g"), 1u << 30);
  EXPECT_EQ(parse_size(" 8 "), 8u);
}

TEST(ParseSize, RejectsWhatIsNotASize) {
  for (const char* bad : {"", "X", "1X", "-1", "1.5K", "1KB", "K", "1 K", "0x10"}) {
    EXPECT_THROW(parse_size(bad), UsageError) << bad;
  }
}

TEST(ParseSize, RejectsOverflow) {
  EXPECT_THROW(parse_size("99999999999999999999"), UsageError);
  EXPECT_THROW(parse_size("17179869184G"), UsageError);
}

TEST(ParseSizeList, RangeDoublesFromMin) {
  EXPECT_EQ(parse_size_list("0:8"), (Sizes{0, 1, 2, 4, 8}));
  EXPECT_EQ(parse_size_list("3:100"), (Sizes{3, 6, 12, 24, 48, 96}));
  EXPECT_EQ(parse_size_list("1K:4K"), (Sizes{1024, 2048, 4096}));
  EXPECT_EQ(parse_size_list("5:5"), (Sizes{5}));
  EXPECT_EQ(parse_size_list("0:0"), (Sizes{0}));
}

TEST(ParseSizeList, DefaultSweepHas24Sizes) {
  const Sizes sizes = parse_size_list("0:4M");
  ASSERT_EQ(sizes.size(), 24u);
  EXPECT_EQ(sizes.front(), 0u);
  EXPECT_EQ(sizes.back(), 4u << 20);
}

TEST(ParseSizeList, CommaListKeepsOrder) {
  EXPECT_EQ(parse_size_list("4K,64K,1M"), (Sizes{4096, 65536, 1 << 20}));
  EXPECT_EQ(parse_size_list("8"), (Sizes{8}));
  EXPECT_EQ(parse_size_list("64,8"), (Sizes{64, 8}));
}

TEST(ParseSizeList, RejectsBadRangesAndLists) {
  for (const char* bad : {"8:4", ":4", "4:", "1:2:3", "1,,2", "1,", ",1", "", "1X:4"}) {
    EXPECT_THROW(parse_size_list(bad), UsageError) << bad;
  }
}

TEST(ParseSizeList, LargestMessageIsIntMax) {
  EXPECT_EQ(parse_size_list("2147483647"), (Sizes{2147483647}));
  EXPECT_THROW(parse_size_list("2G"), UsageError);
  EXPECT_THROW(parse_size_list("1:4G"), UsageError);
  EXPECT_THROW(parse_size_list("8,3G"), UsageError);
}

TEST(ParseSizeList, ErrorNamesTheProblem) {
  try {
    parse_size_list("8:4");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("MIN (8) is larger than MAX (4)"), std::string::npos);
  }
}

TEST(SizeListText, GivesTheListBack) {
  EXPECT_EQ(size_list_text(parse_size_list("0:4M")), "0:4M");
  EXPECT_EQ(size_list_text(parse_size_list("3:100")), "3:96");  // the range's last size
  EXPECT_EQ(size_list_text(parse_size_list("8,1K,64K")), "8,1K,64K");
  EXPECT_EQ(size_list_text(parse_size_list("8,16")), "8,16");   // two: a list
  EXPECT_EQ(size_list_text(parse_size_list("1536")), "1536");   // not a whole KiB
  EXPECT_EQ(size_list_text(parse_size_list("1G")), "1G");
  for (const char* text : {"0:4M", "1:64K", "3:100", "64,8", "0", "4K,64K,1M", "2147483647"}) {
    EXPECT_EQ(parse_size_list(size_list_text(parse_size_list(text))), parse_size_list(text)) << text;
  }
}

}  // namespace
}  // namespace mpibench
