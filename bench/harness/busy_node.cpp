#include "bench/harness/busy_node.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "bench/harness/rank_exchange.hpp"

namespace mpibench {

std::string encode_rank_load(const RankLoad& load) {
  // Reals as hex floats: exact, and read back by strtod.
  std::string text = fmt::format("{} {} {:a} {:a} {:a} {:a} ", load.cpus.size(), load.steal_ticks, load.own_s,
                                 load.wall_s, load.load_before, load.load_after);
  for (std::size_t i = 0; i < load.cpus.size(); ++i) text += fmt::format("{} {} ", load.cpus[i], load.busy_ticks[i]);
  return text;
}

RankLoad decode_rank_load(std::string_view text) {
  std::istringstream in{std::string(text)};
  RankLoad load;
  std::size_t count = 0;
  std::string own, wall, before, after;
  in >> count >> load.steal_ticks >> own >> wall >> before >> after;
  load.own_s = std::strtod(own.c_str(), nullptr);
  load.wall_s = std::strtod(wall.c_str(), nullptr);
  load.load_before = std::strtod(before.c_str(), nullptr);
  load.load_after = std::strtod(after.c_str(), nullptr);
  for (std::size_t i = 0; i < count && in; ++i) {
    int cpu = 0;
    std::uint64_t busy = 0;
    in >> cpu >> busy;
    load.cpus.push_back(cpu);
    load.busy_ticks.push_back(busy);
  }
  return load;
}

std::vector<MachineLoad> machine_loads(std::span<const RankLoad> ranks, std::span<const int> machine_of_rank,
                                       std::span<const std::string> host_of_rank, double ticks_per_s) {
  struct Sums {
    std::map<int, std::uint64_t> busy;  // per CPU, from the first rank that could run on it
    std::uint64_t steal = 0;
    double own_s = 0;
    std::vector<std::string> hosts;
    MachineLoad load;
  };
  std::map<int, Sums> machines;
  std::vector<int> order;
  for (std::size_t r = 0; r < ranks.size(); ++r) {
    const int machine = machine_of_rank[r];
    if (!machines.contains(machine)) order.push_back(machine);
    Sums& sums = machines[machine];
    const RankLoad& rank = ranks[r];
    bool new_cpus = false;
    for (std::size_t i = 0; i < rank.cpus.size(); ++i) new_cpus |= sums.busy.emplace(rank.cpus[i], rank.busy_ticks[i]).second;
    if (new_cpus) sums.steal += rank.steal_ticks;
    sums.own_s += rank.own_s;
    if (std::find(sums.hosts.begin(), sums.hosts.end(), host_of_rank[r]) == sums.hosts.end()) sums.hosts.push_back(host_of_rank[r]);
    sums.load.wall_s = std::max(sums.load.wall_s, rank.wall_s);
    if (sums.load.load_before < 0) {
      sums.load.load_before = rank.load_before;
      sums.load.load_after = rank.load_after;
    }
  }
  std::vector<MachineLoad> loads;
  for (const int machine : order) {
    Sums& sums = machines[machine];
    MachineLoad load = sums.load;
    load.hosts = fmt::format("{}", fmt::join(sums.hosts, " "));
    load.cores = sums.busy.size();
    double busy_s = 0;
    for (const auto& [cpu, ticks] : sums.busy) busy_s += static_cast<double>(ticks) / ticks_per_s;
    const double capacity = load.wall_s * static_cast<double>(load.cores);
    if (capacity > 0) {
      load.other_share = std::max(0.0, busy_s - sums.own_s) / capacity;
      load.steal_share = static_cast<double>(sums.steal) / ticks_per_s / capacity;
    }
    loads.push_back(load);
  }
  return loads;
}

std::optional<std::string> busy_warning(std::span<const MachineLoad> machines) {
  std::vector<std::string> busy;
  for (const MachineLoad& m : machines) {
    if (m.wall_s * static_cast<double>(m.cores) < 1.0 || m.other_share <= busy_threshold) continue;
    busy.push_back(fmt::format("{} ({:.0f}% of {} core{} over {:.2f} s{})", m.hosts, m.other_share * 100, m.cores,
                               m.cores == 1 ? "" : "s", m.wall_s,
                               m.load_before >= 0 ? fmt::format(", load average {:.2f} before, {:.2f} after",
                                                                m.load_before, m.load_after)
                                                  : ""));
  }
  if (busy.empty()) return std::nullopt;
  return fmt::format(
      "other work competed for the cores the ranks ran on: {}, beyond the ranks' own CPU time "
      "(more than {:.0f}%): these figures may read slow. Measure on an idle node.",
      fmt::join(busy, "; "), busy_threshold * 100);
}

std::string load_note(const MachineLoad& m) {
  std::string text = fmt::format("{}: other work {:.0f}% of {} core{} over {:.2f} s; steal {:.0f}%", m.hosts,
                                 m.other_share * 100, m.cores, m.cores == 1 ? "" : "s", m.wall_s, m.steal_share * 100);
  if (m.load_before >= 0) text += fmt::format("; load average {:.2f} before, {:.2f} after", m.load_before, m.load_after);
  return text;
}

LoadProbe::LoadProbe()
    : ticks_(read_cpu_ticks()), own_s_(own_cpu_seconds()), start_s_(MPI_Wtime()), load_(read_load_average().value_or(-1)) {}

std::vector<MachineLoad> LoadProbe::finish(MPI_Comm world, int rank, const Placement& placement) const {
  RankLoad mine;
  const auto now = read_cpu_ticks();
  mine.own_s = own_cpu_seconds() - own_s_;
  mine.wall_s = MPI_Wtime() - start_s_;
  mine.load_before = load_;
  mine.load_after = read_load_average().value_or(-1);
  for (const int cpu : my_cpus()) {
    const auto before = ticks_.find(cpu);
    const auto after = now.find(cpu);
    if (before == ticks_.end() || after == now.end()) continue;
    mine.cpus.push_back(cpu);
    mine.busy_ticks.push_back(after->second.busy - before->second.busy);
    mine.steal_ticks += after->second.steal - before->second.steal;
  }
  const auto all = gather_strings(world, encode_rank_load(mine));
  if (rank != 0) return {};
  std::vector<RankLoad> ranks;
  for (const std::string& text : all) ranks.push_back(decode_rank_load(text));
  return machine_loads(ranks, placement.machine_of_rank, placement.host_of_rank, ticks_per_second());
}

}  // namespace mpibench
