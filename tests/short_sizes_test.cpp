#include "bench/harness/short_sizes.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace mpibench {
namespace {

Record row(std::string stop, std::int64_t samples, std::string src = "", std::string dst = "") {
  Record r;
  r.set("pattern", std::string("linkmap")).set("metric", std::string("bandwidth")).set("bytes", std::int64_t{1 << 20});
  if (!src.empty()) r.set("src_host", src).set("dst_host", dst);
  r.set("samples", samples).set("stop", stop);
  return r;
}

TEST(ShortSizes, NothingToSayWhenEverySizeHadItsSamples) {
  ShortSizes sizes;
  sizes.add(row("precision", 10));
  sizes.add(row("time", 10));
  sizes.add(Record{});  // a row without the columns
  EXPECT_EQ(sizes.note(RunConfig{}), std::nullopt);
}

// Each configuration named once (a second look measures it again), the rows all counted.
TEST(ShortSizes, NamesEachShortConfigurationOnce) {
  ShortSizes sizes;
  sizes.add(row("long_samples", 6, "h2", "h1"));
  sizes.add(row("precision", 12, "h1", "h3"));
  sizes.add(row("long_samples", 7, "h1", "h2"));
  sizes.add(row("long_samples", 6, "h2", "h1"));
  RunConfig config;
  config.max_time_s = 0.5;
  EXPECT_EQ(*sizes.note(config),
            "3 rows were measured with 6 to 7 samples, short of --min-samples 10: each sample was so "
            "long that the 0.5 s budget (--max-time) was spent first (stop: long_samples; ci_rel says "
            "how precise each is): linkmap bandwidth 1 MiB h2->h1, linkmap bandwidth 1 MiB h1->h2");
}

TEST(ShortSizes, ListsEightAndCountsTheRest) {
  ShortSizes sizes;
  for (int i = 0; i < 10; ++i) sizes.add(row("long_samples", 6, "h0", fmt::format("h{}", i + 1)));
  const std::string note = *sizes.note(RunConfig{});
  EXPECT_TRUE(note.starts_with("10 rows were measured with 6 samples,")) << note;
  EXPECT_TRUE(note.ends_with("linkmap bandwidth 1 MiB h0->h8 and 2 more")) << note;
}

}  // namespace
}  // namespace mpibench
