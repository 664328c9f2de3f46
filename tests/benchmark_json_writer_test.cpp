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

namespace mpibench {
namespace {

TEST(BenchmarkJsonWriter, RepeatsAreRepetitionsOfOneNameWithAggregates) {
  BenchmarkJsonWriter writer(RowPlan{2});
  writer.begin({{"repeat", "2 (seed 1)"}, {"build_type", "Debug"}, {"usable_cores_per_node", "2"}},
               testing::columns({"pattern", "ranks", "bytes", "median_us", "repeat"}));
  std::string text;
  for (const auto& [repeat, median] : {std::pair{1, 1.0}, std::pair{2, 3.0}}) {
    Record row;
    row.set("pattern", std::string("pingpong")).set("ranks", std::int64_t{2}).set("bytes", std::int64_t{8})
        .set("median_us", median).set("repeat", std::int64_t{repeat});
    text += writer.row(row);
  }
  EXPECT_NE(text.find("\"repetitions\": 2, \"repetition_index\": 1"), std::string::npos) << text;
  EXPECT_EQ(text.find("repeat:"), std::string::npos) << "the repeat is not part of the name";
  // The aggregates come from the outputs, computed once for every writer.
  std::vector<Record> rows;
  for (const double median : {1.0, 3.0}) {
    Record row;
    row.set("pattern", std::string("pingpong")).set("ranks", std::int64_t{2}).set("bytes", std::int64_t{8})
        .set("median_us", median);
    rows.push_back(row);
  }
  const std::string aggregates = writer.aggregates(repeat_aggregates(rows, testing::columns({"pattern", "ranks", "bytes"})));
  const std::string end = writer.finish(std::nullopt);
  // mean 2000 ns, median 2000, stddev sqrt(2) x 1000, cv 0.707
  EXPECT_NE(aggregates.find("\"name\": \"pingpong/bytes:8/ranks:2_mean\", \"run_name\": \"pingpong/bytes:8/ranks:2\", "
                            "\"run_type\": \"aggregate\", \"repetitions\": 2, \"threads\": 1, \"aggregate_name\": \"mean\""),
            std::string::npos) << aggregates;
  EXPECT_NE(aggregates.find("\"aggregate_name\": \"stddev\", \"aggregate_unit\": \"time\", \"iterations\": 2, "
                            "\"real_time\": 1414.21"), std::string::npos) << aggregates;
  EXPECT_NE(aggregates.find("\"aggregate_name\": \"cv\", \"aggregate_unit\": \"percentage\""), std::string::npos)
      << aggregates;
  EXPECT_EQ(aggregates.find("\n    {"), 1u) << "after the rows: a comma first";
  EXPECT_NE(end.find("\"repeat_spread\": \"pingpong ranks=2 bytes=8: median 2 us over 2 repeats"), std::string::npos)
      << end;
  EXPECT_NE(end.find("\"num_cpus\": 2,"), std::string::npos) << end;
  EXPECT_NE(end.find("\"library_build_type\": \"debug\""), std::string::npos) << end;
}

}  // namespace
}  // namespace mpibench
