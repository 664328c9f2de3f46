#pragma once
// Where the ranks run: hosts, ranks per node, the cores they may use. A run with more busy
// ranks than cores on a node measures the scheduler, not MPI, and must say so.
#include <mpi.h>

#include <span>
#include <string>
#include <vector>

namespace mpibench {

struct Placement {
  int ranks_launched = 0;
  int nodes = 0;
  int ranks_on_my_node = 0;
  int usable_cores_on_my_node = 0;  // union of the affinity masks of the node's ranks
  int max_ranks_per_node = 0;
  // On any node or machine, ranks > usable cores; once the stages are known, busy ranks
  // (judge_busy_ranks in stages.hpp).
  bool oversubscribed = false;
  int ranks_busy_at_once = 0;       // set with the stages
  MPI_Comm node_comm = MPI_COMM_NULL;
  std::vector<int> node_peer_pids;  // the other ranks on this node (the watchdog stops them)
  int rank0_pid_on_node = 0;        // rank 0's pid where it shares this node (not on rank 0)
  // Hosts that are one machine (namespace or container hosts share a kernel): their ranks
  // compete for that machine's cores, whatever each host's own count says.
  int machines = 0;
  int ranks_on_busiest_machine = 0;
  int usable_cores_on_that_machine = 0;
  // Rank 0 alone holds the tables of every rank (it plans the run; the others are told
  // their part), so a rank's memory does not grow with the ranks:
  std::vector<std::string> host_of_rank;      // every rank's host
  std::vector<int> machine_of_rank;           // every rank's machine (the first rank on it)
  std::vector<int> cores_of_machine_of_rank;  // the usable cores of that machine
  std::vector<std::string> hosts;   // distinct, in rank order
  std::string binding;              // "rank:cores" for every rank, e.g. "0:0-1 1:0-1"
  std::string processor;            // model name from /proc/cpuinfo of rank 0's host
  // hwloc's view (toolkit/topology), rank 0's machine: "1 package, 1 NUMA node, 2 cores, 2 PUs"
  std::string topology;
  std::string rank_topology;        // "0: package 0 NUMA 0 core several PU several; 1: …"
  std::string devices;              // network and GPU devices with their package
};

// Collective over `world`.
Placement discover_placement(MPI_Comm world);

// Whether `busy` ranks, working at once while the others sleep, are more than the usable
// cores of a machine they share. Rank 0 (it holds the tables).
bool oversubscribed_by(const Placement& placement, std::span<const int> busy);

// "0-3,6" style list of the cores in this process's affinity mask.
std::string my_core_list();

}  // namespace mpibench
