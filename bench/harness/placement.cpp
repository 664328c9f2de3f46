#include "bench/harness/placement.hpp"

#include <unistd.h>

#include <sched.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <bit>
#include <fstream>
#include <map>
#include <set>

#include "toolkit/cpu_times.hpp"
#include "toolkit/mpi_check.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "toolkit/simulation.hpp"
#include "toolkit/topology.hpp"

namespace mpibench {
namespace {

constexpr std::size_t mask_words = CPU_SETSIZE / 64;
using CoreMask = std::array<unsigned long long, mask_words>;

CoreMask my_core_mask() {
  CoreMask mask{};
  if constexpr (simulated) {
    // The simulated host's cores, as the platform declares them.
    for (int cpu = 0; cpu < std::min(simulated_host_cores(), CPU_SETSIZE); ++cpu) mask[cpu / 64] |= 1ULL << (cpu % 64);
    return mask;
  }
  for (const int cpu : my_cpus()) mask[static_cast<std::size_t>(cpu) / 64] |= 1ULL << (cpu % 64);
  return mask;
}

std::string processor_model() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
  }
  return "unknown";
}

}  // namespace

std::string my_core_list() {
  const CoreMask mask = my_core_mask();
  std::string list;
  int cpu = 0;
  while (cpu < CPU_SETSIZE) {
    if (!(mask[cpu / 64] >> (cpu % 64) & 1ULL)) {
      ++cpu;
      continue;
    }
    int last = cpu;
    while (last + 1 < CPU_SETSIZE && (mask[(last + 1) / 64] >> ((last + 1) % 64) & 1ULL)) ++last;
    if (!list.empty()) list += ',';
    list += last == cpu ? fmt::format("{}", cpu) : fmt::format("{}-{}", cpu, last);
    cpu = last + 1;
  }
  return list;
}

// The kernel's boot id names the machine.
std::string machine_id() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(in, id);
  return id;
}

// Rank 0: each rank's machine, the first rank that has its name (a machine id or a host).
std::vector<int> first_rank_of_each(const std::vector<std::string>& names) {
  std::map<std::string_view, int> first;
  std::vector<int> machine;
  for (std::size_t r = 0; r < names.size(); ++r) {
    machine.push_back(first.try_emplace(names[r], static_cast<int>(r)).first->second);
  }
  return machine;
}

// The usable cores of each rank's machine, on rank 0: every machine's ranks together (one
// split per machine) OR their affinity masks.
std::vector<int> cores_of_machines(MPI_Comm world, int rank, const CoreMask& node_mask,
                                   const std::vector<int>& machine_of_rank) {
  int mine = 0;
  mpi_check(MPI_Scatter(machine_of_rank.data(), 1, MPI_INT, &mine, 1, MPI_INT, 0, world));
  MPI_Comm machine = MPI_COMM_NULL;
  mpi_check(MPI_Comm_split(world, mine, rank, &machine));
  CoreMask mask = node_mask;
  mpi_check(MPI_Allreduce(MPI_IN_PLACE, mask.data(), static_cast<int>(mask.size()),
                          MPI_UNSIGNED_LONG_LONG, MPI_BOR, machine));
  mpi_check(MPI_Comm_free(&machine));
  int cores = 0;
  for (const auto word : mask) cores += std::popcount(word);
  std::vector<int> all(machine_of_rank.size());
  mpi_check(MPI_Gather(&cores, 1, MPI_INT, all.data(), 1, MPI_INT, 0, world));
  return all;
}

// Rank 0: how many machines, and the busiest by ranks over cores.
void judge_machines(Placement& p) {
  std::map<int, int> ranks_on;
  for (const int machine : p.machine_of_rank) ++ranks_on[machine];
  p.machines = static_cast<int>(ranks_on.size());
  double busiest = -1;
  for (const auto& [machine, ranks] : ranks_on) {
    const int cores = p.cores_of_machine_of_rank[static_cast<std::size_t>(machine)];
    const double load = static_cast<double>(ranks) / std::max(cores, 1);
    if (load > busiest) {
      busiest = load;
      p.ranks_on_busiest_machine = ranks;
      p.usable_cores_on_that_machine = cores;
    }
  }
}

// The pids of this node's other ranks, and rank 0's where it shares the node.
void find_node_peers(int rank, Placement& p) {
  const int me = static_cast<int>(getpid());
  std::vector<int> pids(static_cast<std::size_t>(p.ranks_on_my_node));
  mpi_check(MPI_Allgather(&me, 1, MPI_INT, pids.data(), 1, MPI_INT, p.node_comm));
  for (const int pid : pids) {
    if (pid != me) p.node_peer_pids.push_back(pid);
  }
  // The node's ranks are ordered by world rank (the split key): where rank 0 is among
  // them, it comes first.
  int rank0_here = rank == 0 ? 1 : 0;
  mpi_check(MPI_Allreduce(MPI_IN_PLACE, &rank0_here, 1, MPI_INT, MPI_MAX, p.node_comm));
  if (rank0_here != 0 && rank != 0) p.rank0_pid_on_node = pids.front();
}

Placement discover_placement(MPI_Comm world) {
  Placement p;
  int rank = 0;
  mpi_check(MPI_Comm_rank(world, &rank));
  mpi_check(MPI_Comm_size(world, &p.ranks_launched));
  if constexpr (simulated) {
    // Each simulated rank is a node of its own here: SMPI splits in time growing with the
    // square of the ranks (hours at 16 384). Rank 0 counts the hosts' ranks from their names.
    p.node_comm = MPI_COMM_SELF;
  } else {
    mpi_check(MPI_Comm_split_type(world, MPI_COMM_TYPE_SHARED, rank, MPI_INFO_NULL, &p.node_comm));
    mpi_check(MPI_Comm_set_errhandler(p.node_comm, MPI_ERRORS_RETURN));
  }
  int node_rank = 0;
  mpi_check(MPI_Comm_rank(p.node_comm, &node_rank));
  mpi_check(MPI_Comm_size(p.node_comm, &p.ranks_on_my_node));

  // Simulated ranks are one real process (SMPI's getpid numbers the simulated ones): no
  // peers to stop or to forward to.
  if constexpr (!simulated) find_node_peers(rank, p);

  CoreMask mask = my_core_mask();
  mpi_check(MPI_Allreduce(MPI_IN_PLACE, mask.data(), static_cast<int>(mask.size()),
                          MPI_UNSIGNED_LONG_LONG, MPI_BOR, p.node_comm));
  for (const auto word : mask) p.usable_cores_on_my_node += std::popcount(word);

  int leader = node_rank == 0 ? 1 : 0;
  mpi_check(MPI_Allreduce(&leader, &p.nodes, 1, MPI_INT, MPI_SUM, world));
  mpi_check(MPI_Allreduce(&p.ranks_on_my_node, &p.max_ranks_per_node, 1, MPI_INT, MPI_MAX, world));
  int over = p.ranks_on_my_node > p.usable_cores_on_my_node ? 1 : 0;
  mpi_check(MPI_Allreduce(MPI_IN_PLACE, &over, 1, MPI_INT, MPI_MAX, world));

  char name[MPI_MAX_PROCESSOR_NAME] = {};
  int length = 0;
  mpi_check(MPI_Get_processor_name(name, &length));
  p.host_of_rank = gather_strings(world, std::string(name, static_cast<std::size_t>(length)));
  if constexpr (simulated) {
    // Each simulated host is a machine of its own, with the cores the platform gives it: no
    // splitting (which SMPI does in time growing with the square of the ranks).
    p.cores_of_machine_of_rank.resize(p.host_of_rank.size());
    mpi_check(MPI_Gather(&p.usable_cores_on_my_node, 1, MPI_INT, p.cores_of_machine_of_rank.data(), 1, MPI_INT, 0, world));
    p.machine_of_rank = first_rank_of_each(p.host_of_rank);
  } else {
    // Hosts that are namespaces or containers of one machine have their own names but one
    // kernel boot id.
    p.machine_of_rank = first_rank_of_each(gather_strings(world, machine_id()));
    p.cores_of_machine_of_rank = cores_of_machines(world, rank, mask, p.machine_of_rank);
  }
  const auto cores = simulated ? std::vector<std::string>() : gather_strings(world, my_core_list());
  std::vector<std::string> locations;
  if constexpr (!simulated) {
    // Rank 0's MPIBENCH_TOPOLOGY for all: a launcher need not pass the environment on, and
    // every rank must refuse a bad one alike.
    std::string spec = topology_spec_from_environment().value_or("");
    broadcast(world, spec);
    const Topology topology(spec.empty() ? std::nullopt : std::optional<std::string>(spec));
    locations = gather_strings(world, location_text(topology.locate(my_cpus())));
    if (rank == 0) {
      p.topology = topology.summary() + (spec.empty() ? "" : fmt::format(" (MPIBENCH_TOPOLOGY={})", spec));
      const auto devices = topology.devices();
      p.devices = devices.empty() ? "none that hwloc sees" : fmt::format("{}", fmt::join(devices, ", "));
    }
  }
  if (rank == 0) {
    judge_machines(p);
    if constexpr (simulated) {
      std::map<std::string_view, int> ranks_on;
      for (const auto& host : p.host_of_rank) ++ranks_on[host];
      p.nodes = static_cast<int>(ranks_on.size());
      p.max_ranks_per_node = 0;
      for (const auto& [host, ranks] : ranks_on) p.max_ranks_per_node = std::max(p.max_ranks_per_node, ranks);
    }
    p.oversubscribed = !simulated && (over != 0 || p.ranks_on_busiest_machine > p.usable_cores_on_that_machine);
    std::set<std::string_view> seen;
    for (const auto& host : p.host_of_rank) {
      if (seen.insert(host).second) p.hosts.push_back(host);
    }
    for (std::size_t r = 0; r < cores.size(); ++r) {
      if (r > 0) p.binding += ' ';
      p.binding += fmt::format("{}:{}", r, cores[r]);
    }
    for (std::size_t r = 0; r < locations.size(); ++r) {
      if (r > 0) p.rank_topology += "; ";
      p.rank_topology += fmt::format("{}: {}", r, locations[r]);
    }
    p.processor = processor_model();
  }
  struct {
    int machines, ranks_on_busiest, cores_there, nodes, max_ranks_per_node;
    bool oversubscribed;
  } told{p.machines, p.ranks_on_busiest_machine, p.usable_cores_on_that_machine, p.nodes, p.max_ranks_per_node,
         p.oversubscribed};
  broadcast(world, told);
  p.nodes = told.nodes;
  p.max_ranks_per_node = told.max_ranks_per_node;
  p.machines = told.machines;
  p.ranks_on_busiest_machine = told.ranks_on_busiest;
  p.usable_cores_on_that_machine = told.cores_there;
  p.oversubscribed = told.oversubscribed;
  return p;
}

bool oversubscribed_by(const Placement& p, std::span<const int> busy) {
  // Simulated ranks take simulated time, whatever the real machine's cores.
  if constexpr (simulated) return false;
  std::map<int, int> on_machine;
  for (const int r : busy) {
    const auto i = static_cast<std::size_t>(r);
    if (++on_machine[p.machine_of_rank[i]] > p.cores_of_machine_of_rank[i]) return true;
  }
  return false;
}

}  // namespace mpibench
