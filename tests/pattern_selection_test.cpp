#include "bench/harness/pattern_selection.hpp"

#include <gtest/gtest.h>

#include "bench/toolkit/errors.hpp"
#include "patterns/parts/root.hpp"

namespace mpibench {
namespace {

RunConfig run_of(std::vector<std::string> patterns, bool all = false) {
  RunConfig config;
  config.patterns = std::move(patterns);
  config.skip_patterns_needing_more_ranks = all;
  for (const PatternOption* option : options_of(pattern_catalog())) {
    config.pattern_options.set(*option, parse_option_value(*option, option->default_text));
  }
  return config;
}

const PatternOption& option_named(std::string_view name) {
  for (const PatternOption* option : options_of(pattern_catalog())) {
    if (option->name() == name) return *option;
  }
  throw std::logic_error("no such option");
}

std::string refusal(const RunConfig& config, int launched) {
  try {
    select_patterns(config, launched);
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
  EXPECT_EQ(select_patterns(config, 4).definitions.front()->name, "bcast");
}

TEST(PatternSelection, AllSkipsWhatTheRanksCannotRunWithANote) {
  RunConfig config = run_of({"pingpong", "taskqueue"}, true);
  config.pattern_options.set(option_named("broker"), true);
  const Selection selection = select_patterns(config, 2);
  ASSERT_EQ(selection.definitions.size(), 1u);
  EXPECT_EQ(selection.definitions.front()->name, "pingpong");
  ASSERT_EQ(selection.notes.size(), 1u);
  EXPECT_TRUE(selection.notes.front().starts_with("skipping taskqueue: --broker needs at least 3 ranks"))
      << selection.notes.front();
}

TEST(PatternSelection, AllStillRefusesARootOutOfRange) {
  RunConfig config = run_of({"pingpong", "bcast"}, true);
  config.pattern_options.set(root_option, std::int64_t{2});
  EXPECT_EQ(refusal(config, 2), "--root 2 is out of range: bcast runs on 2 ranks (roots 0 to 1)");
}

}  // namespace
}  // namespace mpibench
