#include "results/table_writer.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "tests/file_capture.hpp"

namespace mpibench {
namespace {

std::string table_of(const std::vector<std::string>& columns, const Record& row) {
  return testing::captured([&](std::FILE* file) {
    TableWriter writer(file);
    writer.begin({{"schema_version", "1"}, {"ranks_launched", "2"}}, columns);
    writer.row(row);
    writer.finish(std::nullopt);
  });
}

TEST(TableWriter, ShowsSizesReadablyAndTheConfidenceInterval) {
  Record row;
  row.set("pattern", std::string("pingpong"))
      .set("bytes", std::int64_t{4096})
      .set("median_us", 0.12345)
      .set("ci_low_us", 0.12)
      .set("ci_high_us", 0.13)
      .set("mean_us", 99.0);
  const std::string text =
      table_of({"pattern", "bytes", "median_us", "ci_low_us", "ci_high_us", "mean_us"}, row);
  EXPECT_NE(text.find("# ranks_launched: 2"), std::string::npos);
  EXPECT_NE(text.find("4 KiB"), std::string::npos);
  EXPECT_NE(text.find("0.123"), std::string::npos);
  EXPECT_NE(text.find("[0.120, 0.130]"), std::string::npos);
  EXPECT_EQ(text.find("mean_us"), std::string::npos) << "mean_us is for the CSV only";
  EXPECT_EQ(text.find("99"), std::string::npos);
}

}  // namespace
}  // namespace mpibench

namespace mpibench {
namespace {

TEST(TableWriter, NewHeaderWhenTheColumnsOfARowChange) {
  Record pingpong;
  pingpong.set("pattern", std::string("pingpong")).set("bytes", std::int64_t{8}).set("median_us", 0.1);
  Record bcast = pingpong;
  bcast.set("pattern", std::string("bcast")).set("root", std::int64_t{1});
  const std::string text = testing::captured([&](std::FILE* file) {
    TableWriter writer(file);
    writer.begin({}, {"pattern", "bytes", "root", "median_us"});
    writer.row(pingpong);
    writer.row(pingpong);
    writer.row(bcast);
  });
  // Two headers: pingpong's without root, bcast's with it; the second pingpong row reuses the first.
  std::size_t headers = 0;
  for (std::size_t at = text.find("pattern"); at != std::string::npos; at = text.find("pattern", at + 1)) ++headers;
  EXPECT_EQ(headers, 2u);
  EXPECT_EQ(text.find("root"), text.rfind("root"));
  EXPECT_LT(text.find("pingpong"), text.find("root"));
}

}  // namespace
}  // namespace mpibench
