#include "results/benchmark_json_writer.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/file_capture.hpp"

namespace mpibench {
namespace {

std::string golden(const std::string& name) {
  std::ifstream in(std::string(MPIBENCH_GOLDEN_DIR) + "/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(JsonString, Escapes) {
  EXPECT_EQ(json_string("plain"), "\"plain\"");
  EXPECT_EQ(json_string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
  EXPECT_EQ(json_string(std::string(1, '\x01')), "\"\\u0001\"");
}

TEST(BenchmarkJsonWriter, MatchesGoldenFile) {
  const std::string text = testing::captured([](std::FILE* file) {
    BenchmarkJsonWriter writer(file);
    writer.begin({{"schema_version", "1"}, {"date_utc", "2026-11-24T00:00:00Z"}, {"hosts", "node1"}},
                 {"pattern", "ranks", "bytes", "root", "samples", "median_us", "bandwidth_mb_s", "stop"});
    Record row;
    row.set("pattern", std::string("bcast"))
        .set("ranks", std::int64_t{4})
        .set("bytes", std::int64_t{1024})
        .set("root", std::int64_t{2})
        .set("samples", std::int64_t{50})
        .set("median_us", 1.5)
        .set("bandwidth_mb_s", 682.667)
        .set("stop", std::string("precision"));
    writer.row(row);
    writer.finish("validation failed: \"x\"");
  });
  EXPECT_EQ(text, golden("benchmark.json"));
}

TEST(BenchmarkJsonWriter, EveryRewriteIsAWholeDocument) {
  // After begin() alone, the file already holds a valid, empty document.
  const std::string text = testing::captured([](std::FILE* file) {
    BenchmarkJsonWriter writer(file);
    writer.begin({{"schema_version", "1"}}, {"pattern", "bytes", "samples"});
  });
  EXPECT_EQ(text,
            "{\n  \"context\": {\n    \"schema_version\": \"1\",\n    \"library_build_type\": "
            "\"release\"\n  },\n  \"benchmarks\": [\n  ]\n}\n");
}

}  // namespace
}  // namespace mpibench
