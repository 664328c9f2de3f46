#include "results/csv_writer.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/file_capture.hpp"

namespace mpibench {
namespace {

// Runs `write` against a CsvWriter on a temporary file and returns what it wrote.
template <class F>
std::string written_by(F write) {
  return testing::captured([&](std::FILE* file) {
    CsvWriter writer(file);
    write(writer);
  });
}

std::string golden(const std::string& name) {
  std::ifstream in(std::string(MPIBENCH_GOLDEN_DIR) + "/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

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
  const Metadata metadata{{"schema_version", "1"},
                          {"command_line", "mpibench pingpong --sizes 0,1K"},
                          {"note", "line one\nline two"}};
  const std::vector<std::string> columns{"pattern", "ranks", "bytes", "window", "median_us", "stop"};
  const std::string text = written_by([&](CsvWriter& w) {
    w.begin(metadata, columns);
    w.row(sample_row(0, 0.1254));
    w.row(sample_row(1024, 12345.6789));
    w.finish(std::nullopt);
  });
  EXPECT_EQ(text, golden("complete.csv"));
}

TEST(CsvWriter, IncompleteRunEndsWithItsReason) {
  const std::string text = written_by([&](CsvWriter& w) {
    w.begin({{"schema_version", "1"}}, {"bytes", "median_us"});
    w.row(sample_row(8, 1.5));
    w.finish("validation failed: pingpong at 16 bytes");
  });
  EXPECT_EQ(text, golden("incomplete.csv"));
}

TEST(CsvWriter, CellsWithCommasAreQuoted) {
  const std::string text = written_by([&](CsvWriter& w) {
    w.begin({}, {"pattern", "op"});
    Record r;
    r.set("pattern", std::string("a,b")).set("op", std::string("x\"y"));
    w.row(r);
    w.finish(std::nullopt);
  });
  EXPECT_EQ(text, "pattern,op\n\"a,b\",\"x\"\"y\"\n");
}

}  // namespace
}  // namespace mpibench
