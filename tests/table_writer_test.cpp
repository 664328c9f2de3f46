#include "results/table_writer.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/writer_test_support.hpp"

namespace mpibench {
namespace {

using testing::columns;

TEST(TableWriter, ShowsSizesReadablyAndTheConfidenceInterval) {
  Record row;
  row.set("pattern", std::string("pingpong"))
      .set("bytes", std::int64_t{4096})
      .set("median_us", 0.12345)
      .set("ci_low_us", 0.12)
      .set("ci_high_us", 0.13)
      .set("mean_us", 99.0);
  TableWriter writer;
  std::string text = writer.begin({{"schema_version", "2"}, {"ranks_launched", "2"}},
                                  columns({"pattern", "bytes", "median_us", "mean_us", "ci_low_us", "ci_high_us"}));
  text += writer.row(row);
  text += writer.finish(std::nullopt);
  EXPECT_NE(text.find("# ranks_launched: 2"), std::string::npos);
  EXPECT_NE(text.find("4 KiB"), std::string::npos);
  EXPECT_NE(text.find("0.123"), std::string::npos);
  EXPECT_NE(text.find("[0.120, 0.130]"), std::string::npos);
  EXPECT_EQ(text.find("mean_us"), std::string::npos) << "mean_us is for the CSV only";
  EXPECT_EQ(text.find("99"), std::string::npos);
}

TEST(TableWriter, NewHeaderWhenTheColumnsOfARowChange) {
  Record pingpong;
  pingpong.set("pattern", std::string("pingpong")).set("bytes", std::int64_t{8}).set("median_us", 0.1);
  Record bcast = pingpong;
  bcast.set("pattern", std::string("bcast")).set("root", std::int64_t{1});
  TableWriter writer;
  std::string text = writer.begin({}, columns({"pattern", "bytes", "root", "median_us"}));
  text += writer.row(pingpong);
  text += writer.row(pingpong);
  text += writer.row(bcast);
  // Two headers: pingpong's without root, bcast's with it; the second pingpong row reuses the first.
  std::size_t headers = 0;
  for (std::size_t at = text.find("pattern"); at != std::string::npos; at = text.find("pattern", at + 1)) ++headers;
  EXPECT_EQ(headers, 2u);
  EXPECT_EQ(text.find("root"), text.rfind("root"));
  EXPECT_LT(text.find("pingpong"), text.find("root"));
}

TEST(TableWriter, SaysWhenTheRunStoppedEarly) {
  TableWriter writer;
  writer.begin({}, columns({"pattern"}));
  EXPECT_EQ(writer.finish("time limit of 1 s reached"), "# incomplete: time limit of 1 s reached\n");
  EXPECT_EQ(writer.finish(std::nullopt), "");
}

}  // namespace
}  // namespace mpibench
