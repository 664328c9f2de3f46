#pragma once
// Where a rank runs inside its machine, through hwloc: the package (socket), NUMA node, core
// and PU its CPUs belong to. The topology is the machine's own, or the one MPIBENCH_TOPOLOGY
// names ("synthetic:package:2 numa:2 core:4 pu:1" in hwloc's syntax, or "xml:FILE" as lstopo
// writes it) to study another machine's layout or to test on one that lacks it — never
// HWLOC_SYNTHETIC, which the MPI libraries and their launchers read too, and would then bind
// ranks to PUs that do not exist.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace mpibench {

// Logical indexes (hwloc's, 0 to n-1 in the machine's order); -1 where the rank's CPUs span
// more than one, as an unbound rank's do.
struct RankLocation {
  int package = -1;
  int numa = -1;
  int core = -1;
  int pu = -1;
};

// "package 0 NUMA 0 core 3 PU 3"; a level the CPUs span reads "several" ("core several").
std::string location_text(const RankLocation& location);

class Topology {
 public:
  // `spec`: MPIBENCH_TOPOLOGY's value, or nothing for the machine's own. A spec hwloc cannot
  // build is a UsageError naming it.
  explicit Topology(const std::optional<std::string>& spec);
  ~Topology();
  Topology(const Topology&) = delete;
  Topology& operator=(const Topology&) = delete;

  // Where CPUs `pus` (OS numbers, as sched_getaffinity gives them) are.
  RankLocation locate(std::span<const int> pus) const;
  // "2 packages, 4 NUMA nodes, 16 cores, 16 PUs".
  std::string summary() const;
  // Network, InfiniBand and GPU devices, each with the package it is attached to
  // ("eth0 (package 0)"): empty where hwloc sees none (a container without PCI in /sys).
  std::vector<std::string> devices() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// MPIBENCH_TOPOLOGY, when set.
std::optional<std::string> topology_spec_from_environment();

}  // namespace mpibench
