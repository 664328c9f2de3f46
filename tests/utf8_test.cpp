#include "results/utf8.hpp"

#include <gtest/gtest.h>

namespace mpibench {
namespace {

TEST(Utf8, ValidTextPassesUnchanged) {
  for (const std::string text : {"", "plain", "pr\xC3\xA1" "ctica.csv", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                 "\xEF\xBF\xBD"}) {
    EXPECT_TRUE(is_valid_utf8(text)) << text;
    EXPECT_EQ(replace_invalid_utf8(text), text);
  }
}

TEST(Utf8, EachInvalidByteBecomesOneReplacement) {
  const std::string fffd = "\xEF\xBF\xBD";
  // ISO-8859-1's a-acute, alone.
  EXPECT_FALSE(is_valid_utf8("pr\xE1" "ctica.csv"));
  EXPECT_EQ(replace_invalid_utf8("pr\xE1" "ctica.csv"), "pr" + fffd + "ctica.csv");
  // A sequence cut short at the end, and in the middle.
  EXPECT_EQ(replace_invalid_utf8("a\xE2\x82"), "a" + fffd + fffd);
  EXPECT_EQ(replace_invalid_utf8("\xC3" "b"), fffd + "b");
  // An overlong '/' (C0 AF), a surrogate (ED A0 80), beyond U+10FFFF (F4 90 80 80).
  EXPECT_EQ(replace_invalid_utf8("\xC0\xAF"), fffd + fffd);
  EXPECT_EQ(replace_invalid_utf8("\xED\xA0\x80"), fffd + fffd + fffd);
  EXPECT_EQ(replace_invalid_utf8("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);
  // A lone continuation byte.
  EXPECT_EQ(replace_invalid_utf8("\x80"), fffd);
  for (const std::string text : {"\xC0\xAF", "\xED\xA0\x80", "\x80"}) EXPECT_TRUE(is_valid_utf8(replace_invalid_utf8(text)));
}

}  // namespace
}  // namespace mpibench
