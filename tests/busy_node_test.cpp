#include "bench/harness/busy_node.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mpibench {
namespace {

TEST(CpuTimes, ParsesEachCpusBusyAndStealTicks) {
  const std::string stat =
      "cpu  300 10 60 9000 5 7 9 40 0 0\n"
      "cpu0 100 5 20 4500 2 3 4 15 0 0\n"
      "cpu1 200 5 40 4500 3 4 5 25 0 0\n"
      "intr 12345 0 0\n"
      "ctxt 999\n";
  const auto cpus = parse_proc_stat(stat);
  ASSERT_EQ(cpus.size(), 2u);
  EXPECT_EQ(cpus.at(0).busy, 125u);  // user + nice + system; irq, softirq and steal apart
  EXPECT_EQ(cpus.at(0).steal, 15u);
  EXPECT_EQ(cpus.at(1).busy, 245u);
  EXPECT_EQ(cpus.at(1).steal, 25u);
  // An old kernel's line without steal: none.
  EXPECT_EQ(parse_proc_stat("cpu3 1 2 3 4\n").at(3).steal, 0u);
}

TEST(RankLoad, RoundTripsExactly) {
  RankLoad load{{0, 3}, {123, 456}, 7, 1.0 / 3, 12.5, 0.52, 1.85};
  const RankLoad back = decode_rank_load(encode_rank_load(load));
  EXPECT_EQ(back.cpus, load.cpus);
  EXPECT_EQ(back.busy_ticks, load.busy_ticks);
  EXPECT_EQ(back.steal_ticks, 7u);
  EXPECT_EQ(back.own_s, load.own_s);
  EXPECT_EQ(back.wall_s, 12.5);
  EXPECT_EQ(back.load_before, 0.52);
  EXPECT_EQ(back.load_after, 1.85);
}

// Two ranks on one machine of 2 cores over 10 s, 100 ticks a second: the cores were busy
// 1 000 + 900 ticks = 19 s, the ranks ran 9 + 8 = 17 s themselves: 2 s of 20 = 10%, not more
// than the threshold. With 3 s more of other work on CPU 1: 5 s of 20 = 25%.
TEST(BusyNode, OtherWorkIsBusyTimeBeyondTheRanksOwn) {
  const std::vector<std::string> hosts{"h1", "h2"};
  const std::vector<int> machine{0, 0};
  std::vector<RankLoad> ranks{{{0, 1}, {1000, 900}, 20, 9.0, 10.0, 0.5, 1.9},
                              {{0, 1}, {1000, 900}, 20, 8.0, 9.5, 0.5, 1.9}};
  auto loads = machine_loads(ranks, machine, hosts, 100);
  ASSERT_EQ(loads.size(), 1u);
  EXPECT_EQ(loads[0].hosts, "h1 h2");
  EXPECT_EQ(loads[0].cores, 2u);
  EXPECT_DOUBLE_EQ(loads[0].wall_s, 10.0);
  EXPECT_NEAR(loads[0].other_share, 0.10, 1e-12);
  EXPECT_NEAR(loads[0].steal_share, 0.01, 1e-12);  // 20 ticks = 0.2 s of 20, counted once
  EXPECT_EQ(busy_warning(loads), std::nullopt);
  EXPECT_EQ(load_note(loads[0]), "h1 h2: other work 10% of 2 cores over 10.00 s; steal 1%; load average 0.50 before, 1.90 after");
  ranks[0].busy_ticks[1] = 1200;  // the first rank's reading of a CPU is the one taken
  loads = machine_loads(ranks, machine, hosts, 100);
  EXPECT_NEAR(loads[0].other_share, 0.25, 1e-12);
  EXPECT_EQ(*busy_warning(loads),
            "other work competed for the cores the ranks ran on: h1 h2 (25% of 2 cores over 10.00 s, load "
            "average 0.50 before, 1.90 after), beyond the ranks' own CPU time (more than 10%): these figures "
            "may read slow. Measure on an idle node.");
}

TEST(BusyNode, MachinesApartAndShortRunsUnjudged) {
  const std::vector<std::string> hosts{"a", "b"};
  const std::vector<int> machine{0, 1};
  // Each machine: one core, 0.5 s, busy the whole time with other work: too short to judge.
  const std::vector<RankLoad> ranks{{{0}, {50}, 0, 0.0, 0.5, -1, -1}, {{0}, {50}, 0, 0.5, 0.5, -1, -1}};
  const auto loads = machine_loads(ranks, machine, hosts, 100);
  ASSERT_EQ(loads.size(), 2u);
  EXPECT_NEAR(loads[0].other_share, 1.0, 1e-12);
  EXPECT_NEAR(loads[1].other_share, 0.0, 1e-12);
  EXPECT_EQ(busy_warning(loads), std::nullopt);
  EXPECT_EQ(load_note(loads[1]), "b: other work 0% of 1 core over 0.50 s; steal 0%");
}

}  // namespace
}  // namespace mpibench
