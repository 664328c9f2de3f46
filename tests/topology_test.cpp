#include "toolkit/topology.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "toolkit/errors.hpp"

namespace mpibench {
namespace {

void expect_at(const Topology& topology, std::vector<int> pus, RankLocation expected) {
  const RankLocation got = topology.locate(pus);
  EXPECT_EQ(got.package, expected.package);
  EXPECT_EQ(got.numa, expected.numa);
  EXPECT_EQ(got.core, expected.core);
  EXPECT_EQ(got.pu, expected.pu);
}

// Two packages of two NUMA nodes of four cores: PU n is core n (one PU a core), NUMA n / 4,
// package n / 8.
TEST(Topology, LocatesPuSetsInASyntheticMachine) {
  const Topology machine(std::string("synthetic:package:2 numa:2 core:4 pu:1"));
  EXPECT_EQ(machine.summary(), "2 packages, 4 NUMA nodes, 16 cores, 16 PUs");
  expect_at(machine, {0}, {0, 0, 0, 0});
  expect_at(machine, {5}, {0, 1, 5, 5});
  expect_at(machine, {8}, {1, 2, 8, 8});
  expect_at(machine, {0, 1}, {0, 0, -1, -1});    // two cores of one NUMA node
  expect_at(machine, {3, 4}, {0, -1, -1, -1});   // two NUMA nodes of one package
  expect_at(machine, {7, 8}, {-1, -1, -1, -1});  // both packages: an unbound rank
  expect_at(machine, {100}, {-1, -1, -1, -1});   // beyond the machine
  EXPECT_TRUE(machine.devices().empty());
}

TEST(Topology, HyperthreadsShareACore) {
  const Topology machine(std::string("synthetic:package:1 core:2 pu:2"));
  EXPECT_EQ(machine.summary(), "1 package, 1 NUMA node, 2 cores, 4 PUs");
  expect_at(machine, {0, 1}, {0, 0, 0, -1});
  expect_at(machine, {3}, {0, 0, 1, 3});
  EXPECT_EQ(location_text(machine.locate(std::vector<int>{0, 1})), "package 0 NUMA 0 core 0 PU several");
}

TEST(Topology, ASpecHwlocCannotBuildIsRefused) {
  for (const char* spec : {"synthetic:packages:two", "xml:/nonexistent/topology.xml", "lstopo"}) {
    try {
      const Topology machine(std::string{spec});
      ADD_FAILURE() << spec << " was accepted";
    } catch (const UsageError& e) {
      EXPECT_EQ(std::string(e.what()).find(std::string("MPIBENCH_TOPOLOGY='") + spec + "'"), 0u) << e.what();
    }
  }
}

TEST(Topology, TheMachinesOwnHasEveryPuOfThisProcess) {
  const Topology machine(std::nullopt);
  EXPECT_NE(machine.summary().find(" PU"), std::string::npos);
  const RankLocation first = machine.locate(std::vector<int>{0});
  EXPECT_EQ(first.pu, 0);
  EXPECT_EQ(first.package, 0);
}

}  // namespace
}  // namespace mpibench
