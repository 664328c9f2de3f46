#include "results/csv_writer.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/writer_test_support.hpp"

namespace mpibench {
namespace {

using testing::columns;
using testing::golden;

Record sample_row(std::int64_t bytes, double median_us) {
  Record r;
  r.set("pattern", std::string("pingpong"))
      .set("ranks", std::int64_t{2})
      .set("bytes", bytes)
      .set("median_us", median_us)
      .set("stop", std::string("samples"));
  return r;
}

TEST(CsvField, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field(" padded"), "\" padded\"");
}

TEST(CsvWriter, MatchesGoldenFile) {
  const Metadata metadata{{"schema_version", "2"},
                          {"command_line", "mpibench pingpong --sizes 0,1K"},
                          {"note", "line one\nline two"}};
  CsvWriter w;
  std::string text = w.begin(metadata, columns({"pattern", "ranks", "bytes", "window", "median_us", "stop"}));
  text += w.row(sample_row(0, 0.1254));
  text += w.row(sample_row(1024, 12345.6789));
  text += w.finish(std::nullopt);
  EXPECT_EQ(text, golden("complete.csv"));
}

TEST(CsvWriter, IncompleteRunEndsWithItsReason) {
  CsvWriter w;
  std::string text = w.begin({{"schema_version", "2"}}, columns({"bytes", "median_us"}));
  text += w.row(sample_row(8, 1.5));
  text += w.finish("validation failed: pingpong at 16 bytes");
  EXPECT_EQ(text, golden("incomplete.csv"));
}

TEST(CsvWriter, TheEndingDependsOnlyOnHowTheRunEnded) {
  // A signal handler writes an ending rendered before the last rows: it must still fit.
  CsvWriter w;
  w.begin({}, columns({"bytes"}));
  const std::string early = w.finish("interrupted by SIGINT");
  w.row(sample_row(8, 1.0));
  EXPECT_EQ(w.finish("interrupted by SIGINT"), early);
  EXPECT_EQ(w.finish(std::nullopt), "# end: complete, 1 rows\n");
}

TEST(CsvWriter, CellsWithCommasAreQuoted) {
  CsvWriter w;
  w.begin({}, columns({"pattern", "op"}));
  Record r;
  r.set("pattern", std::string("a,b")).set("op", std::string("x\"y"));
  EXPECT_EQ(w.row(r), "\"a,b\",\"x\"\"y\"\n");
}

}  // namespace
}  // namespace mpibench
