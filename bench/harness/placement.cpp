#include "bench/harness/placement.hpp"

#include <unistd.h>

#include <sched.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <fstream>

#include "bench/toolkit/mpi_check.hpp"
#include "bench/harness/rank_exchange.hpp"

namespace mpibench {
namespace {

constexpr std::size_t mask_words = CPU_SETSIZE / 64;
using CoreMask = std::array<unsigned long long, mask_words>;

CoreMask my_core_mask() {
  CoreMask mask{};
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) != 0) return mask;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &set)) mask[cpu / 64] |= 1ULL << (cpu % 64);
  }
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

Placement discover_placement(MPI_Comm world) {
  Placement p;
  int rank = 0;
  mpi_check(MPI_Comm_rank(world, &rank));
  mpi_check(MPI_Comm_size(world, &p.ranks_launched));
  mpi_check(MPI_Comm_split_type(world, MPI_COMM_TYPE_SHARED, rank, MPI_INFO_NULL, &p.node_comm));
  mpi_check(MPI_Comm_set_errhandler(p.node_comm, MPI_ERRORS_RETURN));
  int node_rank = 0;
  mpi_check(MPI_Comm_rank(p.node_comm, &node_rank));
  mpi_check(MPI_Comm_size(p.node_comm, &p.ranks_on_my_node));

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

  CoreMask mask = my_core_mask();
  mpi_check(MPI_Allreduce(MPI_IN_PLACE, mask.data(), static_cast<int>(mask.size()),
                          MPI_UNSIGNED_LONG_LONG, MPI_BOR, p.node_comm));
  for (const auto word : mask) p.usable_cores_on_my_node += std::popcount(word);

  int leader = node_rank == 0 ? 1 : 0;
  mpi_check(MPI_Allreduce(&leader, &p.nodes, 1, MPI_INT, MPI_SUM, world));
  mpi_check(MPI_Allreduce(&p.ranks_on_my_node, &p.max_ranks_per_node, 1, MPI_INT, MPI_MAX, world));
  int over = p.ranks_on_my_node > p.usable_cores_on_my_node ? 1 : 0;
  mpi_check(MPI_Allreduce(MPI_IN_PLACE, &over, 1, MPI_INT, MPI_MAX, world));
  p.oversubscribed = over != 0;

  char name[MPI_MAX_PROCESSOR_NAME] = {};
  int length = 0;
  mpi_check(MPI_Get_processor_name(name, &length));
  const auto names = gather_strings(world, std::string(name, static_cast<std::size_t>(length)));
  const auto cores = gather_strings(world, my_core_list());
  if (rank == 0) {
    for (const auto& host : names) {
      if (std::find(p.hosts.begin(), p.hosts.end(), host) == p.hosts.end()) p.hosts.push_back(host);
    }
    for (std::size_t r = 0; r < cores.size(); ++r) {
      if (r > 0) p.binding += ' ';
      p.binding += fmt::format("{}:{}", r, cores[r]);
    }
    p.processor = processor_model();
  }
  return p;
}

}  // namespace mpibench
