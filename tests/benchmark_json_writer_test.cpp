#include "results/benchmark_json_writer.hpp"

#include <gtest/gtest.h>

#include "tests/writer_test_support.hpp"

namespace mpibench {
namespace {

using testing::columns;
using testing::golden;

TEST(JsonString, Escapes) {
  EXPECT_EQ(json_string("plain"), "\"plain\"");
  EXPECT_EQ(json_string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
  EXPECT_EQ(json_string(std::string(1, '\x01')), "\"\\u0001\"");
}

TEST(BenchmarkJsonWriter, MatchesGoldenFile) {
  BenchmarkJsonWriter writer;
  std::string text = writer.begin(
      {{"schema_version", "2"}, {"date_utc", "2026-11-24T00:00:00Z"}, {"hosts", "node1"}},
      columns({"pattern", "ranks", "bytes", "root", "root_bytes", "samples", "median_us", "bandwidth_mb_s", "stop"}));
  Record row;
  row.set("pattern", std::string("bcast"))
      .set("ranks", std::int64_t{4})
      .set("bytes", std::int64_t{1024})
      .set("root", std::int64_t{2})
      .set("root_bytes", std::int64_t{4096})
      .set("samples", std::int64_t{50})
      .set("median_us", 1.5)
      .set("bandwidth_mb_s", 682.667)
      .set("stop", std::string("precision"));
  text += writer.row(row);
  text += writer.finish("validation failed: \"x\"");
  EXPECT_EQ(text, golden("benchmark.json"));
}

TEST(BenchmarkJsonWriter, BeginAndFinishAloneMakeAWholeDocument) {
  BenchmarkJsonWriter writer;
  std::string text = writer.begin({{"schema_version", "2"}}, columns({"pattern", "bytes", "samples"}));
  text += writer.finish(std::nullopt);
  EXPECT_EQ(text,
            "{\n  \"benchmarks\": [\n  ],\n  \"context\": {\n    \"schema_version\": \"2\",\n"
            "    \"library_build_type\": \"release\"\n  }\n}\n");
}

TEST(BenchmarkJsonWriter, ANoteSaidTwiceIsOneKeyWithAList) {
  BenchmarkJsonWriter writer;
  writer.begin({}, columns({"pattern"}));
  EXPECT_EQ(writer.note("repeat_spread", "a"), "");
  writer.note("repeat_spread", "b");
  const std::string end = writer.finish(std::nullopt);
  EXPECT_NE(end.find("\"repeat_spread\": [\"a\", \"b\"]"), std::string::npos) << end;
  EXPECT_EQ(end.find("repeat_spread"), end.rfind("repeat_spread"));
}

}  // namespace
}  // namespace mpibench
