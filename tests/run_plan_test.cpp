#include "bench/harness/run_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/run_config_support.hpp"
#include "toolkit/errors.hpp"

namespace mpibench {
namespace {

RunConfig run_of(std::vector<std::string> patterns, std::vector<std::uint64_t> sizes, int repeat = 1) {
  RunConfig config;
  config.patterns = std::move(patterns);
  config.sizes = std::move(sizes);
  config.repeat = repeat;
  config.seed = 7;
  config.pattern_options = testing::default_pattern_options();
  return config;
}

using testing::option_named;

std::vector<const PatternDefinition*> definitions(const RunConfig& config) {
  std::vector<const PatternDefinition*> found;
  for (const std::string& name : config.patterns) found.push_back(find_pattern(name));
  return found;
}

TEST(RunPlan, APlainPatternIsOneStageOfEveryRankThatCopiesTheWorld) {
  const RunConfig config = run_of({"bcast"}, {8, 1024});
  const std::vector<std::string> hosts{"a", "a", "b", "b"};
  const RunPlan plan(definitions(config), config, hosts);
  ASSERT_EQ(plan.stages().size(), 1u);
  const PlannedStage& stage = plan.stages().front();
  EXPECT_EQ(stage.groups.front().members, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_FALSE(stage.groups.front().same_host);
  EXPECT_TRUE(stage.is_whole_world(4));
  EXPECT_FALSE(stage.is_whole_world(5));
  EXPECT_EQ(plan.sizes(0, 1), (std::vector<std::uint64_t>{8, 1024}));
}

TEST(RunPlan, RepeatsMeasureTheSameSizesInTheirOwnOrderForEveryStage) {
  const RunConfig config = run_of({"bcast", "reduce"}, {1, 2, 4, 8, 16, 32, 64, 128}, 3);
  const RunPlan plan(definitions(config), config, std::vector<std::string>(2, "vm"));
  std::vector<std::vector<std::uint64_t>> orders;
  for (int repeat = 1; repeat <= 3; ++repeat) {
    EXPECT_EQ(plan.sizes(0, repeat), plan.sizes(1, repeat));
    auto sorted = plan.sizes(0, repeat);
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, config.sizes);
    orders.push_back(plan.sizes(0, repeat));
  }
  EXPECT_NE(orders[0], orders[1]);
  // The same seed, the same orders: a repeated run can be repeated.
  const RunPlan again(definitions(config), config, std::vector<std::string>(2, "vm"));
  EXPECT_EQ(again.sizes(0, 2), orders[1]);
}

TEST(RunPlan, ASizelessPatternMeasuresOnce) {
  const RunConfig config = run_of({"barrier"}, {8, 1024});
  const RunPlan plan(definitions(config), config, std::vector<std::string>(2, "vm"));
  EXPECT_EQ(plan.sizes(0, 1), (std::vector<std::uint64_t>{0}));
}

TEST(RunPlan, APairIsItsGroupAndARowCarriesItsContext) {
  RunConfig config = run_of({"pingpong"}, {8});
  config.pattern_options.set(option_named("pair"), std::string("2,3"));
  const RunPlan plan(definitions(config), config, std::vector<std::string>{"a", "a", "b", "b"});
  const PlannedGroup& group = plan.stages().front().groups.front();
  EXPECT_EQ(group.members, (std::vector<int>{2, 3}));
  EXPECT_TRUE(group.same_host);
  EXPECT_FALSE(plan.stages().front().is_whole_world(4));
  EXPECT_EQ(plan.group_led_by(0, 2), 0u);
  Record row;
  plan.add_row_context(row, 0, 0, 2, 1);
  EXPECT_EQ(row.find("repeat") ? std::get<std::int64_t>(*row.find("repeat")) : -1, 2);
  EXPECT_EQ(std::get<std::string>(*row.find("same_host")), "yes");
  EXPECT_EQ(row.find("pass"), nullptr);
  plan.add_row_context(row, 0, 0, 2, 2);
  EXPECT_EQ(std::get<std::int64_t>(*row.find("pass")), 2);
}

TEST(RunPlan, APairOfRanksThatAreNotThereIsRefused) {
  RunConfig config = run_of({"pingpong"}, {8});
  config.pattern_options.set(option_named("pair"), std::string("inter"));
  EXPECT_THROW(RunPlan(definitions(config), config, std::vector<std::string>(4, "vm")), UsageError);
}

TEST(RunPlan, TheLinkMapsStepsAreStagesWhoseGroupsCarryTheLink) {
  RunConfig config = run_of({"linkmap"}, {});
  config.pattern_options.set(option_named("concurrency"), std::string("all"));
  const RunPlan plan(definitions(config), config, std::vector<std::string>{"h1", "h2", "h3", "h4"});
  // 3 rounds of 2 pairs, each: latency, then bandwidth both ways.
  ASSERT_EQ(plan.stages().size(), 9u);
  for (const PlannedStage& stage : plan.stages()) {
    EXPECT_EQ(stage.owner, find_pattern("linkmap"));
    EXPECT_EQ(stage.groups.size(), 2u);
  }
  EXPECT_EQ(plan.sizes(0, 1).size(), 1u);
  Record row;
  plan.add_row_context(row, 1, 1, 1, 1);
  EXPECT_EQ(std::get<std::string>(*row.find("metric")), "bandwidth");
  EXPECT_EQ(std::get<std::string>(*row.find("same_host")), "no");
}

// A pattern of two steps, two groups each, that wants its rows with `again` set measured again.
std::variant<std::vector<Step>, std::string> two_steps(const OptionValues&, std::span<const std::string>) {
  std::vector<Step> steps;
  for (std::int64_t step = 0; step < 2; ++step) {
    Step s{&pingpong_pattern, {8}, {}};
    for (std::int64_t pair = 0; pair < 2; ++pair) {
      Record cells;
      cells.set("pattern", std::string("fake")).set("step", step).set("pair", pair);
      s.groups.push_back(StepGroup{{static_cast<int>(2 * pair), static_cast<int>(2 * pair + 1)}, cells});
    }
    steps.push_back(s);
  }
  return steps;
}

// Rows slower than 100 us are worth a second look.
std::vector<std::size_t> slow_rows(const StepsRun& run, const OptionValues&) {
  std::vector<std::size_t> slow;
  for (std::size_t i = 0; i < run.rows.size(); ++i) {
    if (run.rows[i].figures.median_us > 100) slow.push_back(i);
  }
  return slow;
}

constexpr PatternDefinition fake_pattern{.name = "fake", .steps = two_steps, .measure_again = slow_rows};

TEST(RunPlan, ASecondLookMeasuresAgainTheStagesOfTheFlaggedRowsOnly) {
  const RunConfig config = run_of({}, {});
  const std::vector<const PatternDefinition*> fake{&fake_pattern, &pingpong_pattern};
  const RunPlan plan(fake, config, std::vector<std::string>{"h1", "h2", "h3", "h4"});
  ASSERT_EQ(plan.stages().size(), 3u);
  StepRows rows;
  for (std::size_t s = 0; s < 2; ++s) {
    for (std::size_t g = 0; g < 2; ++g) plan.keep_step_row(rows, s, g, 1, 1, RowFigures{s == 1 && g == 1 ? 200.0 : 1.0, 1, {}});
  }
  plan.keep_step_row(rows, 2, 0, 1, 1, RowFigures{500, 500, {}});  // pingpong's: not a step's row
  EXPECT_EQ(rows.size(), 1u);
  const StepsRun run = plan.steps_run(fake_pattern, rows);
  ASSERT_EQ(run.rows.size(), 4u);
  EXPECT_EQ(run.rows.back().step, 1u);
  EXPECT_EQ(run.steps[1].groups[1].members, (std::vector<int>{2, 3}));
  EXPECT_EQ(plan.stages_to_measure_again(rows, config.pattern_options), (std::vector<std::size_t>{1}));
  rows[&fake_pattern].pop_back();
  EXPECT_TRUE(plan.stages_to_measure_again(rows, config.pattern_options).empty());
}

}  // namespace
}  // namespace mpibench
