#pragma once
// Whether other work competed for the cores the ranks ran on. Over the measured part of the
// run, the busy time the kernel counts on those cores (toolkit/cpu_times) minus the ranks'
// own CPU time is what something else ran there: above a tenth of wall time × cores, the run
// says so (a busy node reads slow, and `oversubscribed` counts only mpibench's own ranks).
// Grouped by machine, not host: namespace or container hosts of one machine share its cores.
#include <mpi.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bench/harness/placement.hpp"
#include "toolkit/cpu_times.hpp"

namespace mpibench {

// What one rank saw over the run.
struct RankLoad {
  std::vector<int> cpus;                  // its affinity
  std::vector<std::uint64_t> busy_ticks;  // per CPU of `cpus`, over the run
  std::uint64_t steal_ticks = 0;          // summed over `cpus`
  double own_s = 0;                       // its own CPU time over the run
  double wall_s = 0;
  double load_before = -1;  // 1-minute load average; -1: unknown
  double load_after = -1;
};

std::string encode_rank_load(const RankLoad& load);
RankLoad decode_rank_load(std::string_view text);

struct MachineLoad {
  std::string hosts;  // its hosts, as the ranks name them ("h1 h2")
  std::size_t cores = 0;
  double wall_s = 0;
  double other_share = 0;  // of wall × cores: busy time beyond the ranks' own
  double steal_share = 0;
  double load_before = -1;
  double load_after = -1;
};

// Per machine (`machine_of_rank`: the first rank on it), in the order of their first ranks.
// Each CPU's busy ticks are taken from the first rank that could run on it.
std::vector<MachineLoad> machine_loads(std::span<const RankLoad> ranks, std::span<const int> machine_of_rank,
                                       std::span<const std::string> host_of_rank, double ticks_per_s);

inline constexpr double busy_threshold = 0.10;

// The warning for the machines whose other work passed the threshold, or nothing. A run
// shorter than one core-second is not judged: ticks are 10 ms.
std::optional<std::string> busy_warning(std::span<const MachineLoad> machines);
// One note per machine: "h1: other work 2% of 2 cores over 12.3 s; steal 0%; load average
// 0.52 before, 1.85 after".
std::string load_note(const MachineLoad& machine);

// Collective over the world: readings at the start of the measured part, and at its end on
// rank 0 the machines' loads.
class LoadProbe {
 public:
  LoadProbe();
  std::vector<MachineLoad> finish(MPI_Comm world, int rank, const Placement& placement) const;

 private:
  std::map<int, CpuTicks> ticks_;
  double own_s_;
  double start_s_;
  double load_;
};

}  // namespace mpibench
