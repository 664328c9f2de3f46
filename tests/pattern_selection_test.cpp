#include "bench/harness/pattern_selection.hpp"

#include <gtest/gtest.h>

#include "tests/run_config_support.hpp"
#include "toolkit/errors.hpp"
#include "patterns/parts/root.hpp"

namespace mpibench {
namespace {

RunConfig run_of(std::vector<std::string> patterns, bool all = false) {
  RunConfig config;
  config.patterns = std::move(patterns);
  config.skip_patterns_needing_more_ranks = all;
  config.pattern_options = testing::default_pattern_options();
  return config;
}

using testing::option_named;

// `ranks` ranks, all on host "vm".
std::vector<std::string> one_host(int ranks) { return std::vector<std::string>(static_cast<std::size_t>(ranks), "vm"); }

std::string refusal(const RunConfig& config, int launched) {
  try {
    select_patterns(config, one_host(launched));
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(PatternSelection, TooFewRanksIsRefusedWithTheCommandThatWorks) {
  EXPECT_EQ(refusal(run_of({"bcast"}), 1),
            "bcast needs at least 2 ranks, but 1 was launched (run it as: mpiexec -n 2 mpibench bcast)");
}

TEST(PatternSelection, ARankOptionMustNameARankOfThePattern) {
  RunConfig config = run_of({"bcast"});
  config.pattern_options.set(root_option, std::int64_t{3});
  EXPECT_EQ(refusal(config, 3), "--root 3 is out of range: bcast runs on 3 ranks (roots 0 to 2)");
  EXPECT_EQ(select_patterns(config, one_host(4)).definitions.front()->name, "bcast");
}

TEST(PatternSelection, AllSkipsWhatTheRanksCannotRunWithANote) {
  RunConfig config = run_of({"pingpong", "taskqueue"}, true);
  config.pattern_options.set(option_named("broker"), true);
  const Selection selection = select_patterns(config, one_host(2));
  ASSERT_EQ(selection.definitions.size(), 1u);
  EXPECT_EQ(selection.definitions.front()->name, "pingpong");
  ASSERT_EQ(selection.notes.size(), 1u);
  EXPECT_TRUE(selection.notes.front().starts_with("skipping taskqueue: --broker needs at least 3 ranks"))
      << selection.notes.front();
}

TEST(PatternSelection, AllLeavesTheLinkMapOutOnOneHostAndSaysWhy) {
  const RunConfig config = run_of({"pingpong", "linkmap"}, true);
  const Selection alone = select_patterns(config, one_host(4));
  ASSERT_EQ(alone.definitions.size(), 1u);
  ASSERT_EQ(alone.notes.size(), 1u);
  EXPECT_EQ(alone.notes.front(), "skipping linkmap: every rank is on one host (vm): there is no link between hosts "
                                 "to map (run 'mpibench linkmap' itself to compare pairs of ranks)");
  EXPECT_EQ(select_patterns(config, std::vector<std::string>{"h1", "h1", "h2"}).definitions.size(), 2u);
  // Asked for by name, it maps pairs of ranks on one host.
  EXPECT_EQ(select_patterns(run_of({"linkmap"}), one_host(2)).definitions.size(), 1u);
}

TEST(PatternSelection, AllStillRefusesARootOutOfRange) {
  RunConfig config = run_of({"pingpong", "bcast"}, true);
  config.pattern_options.set(root_option, std::int64_t{2});
  EXPECT_EQ(refusal(config, 2), "--root 2 is out of range: bcast runs on 2 ranks (roots 0 to 1)");
}

}  // namespace
}  // namespace mpibench
