#include "bench/harness/run_clock.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bench/harness/clock_sync.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "toolkit/simulation.hpp"

namespace mpibench {

Clock agreed_clock(MPI_Comm world, int rank) {
  if constexpr (simulated) {
    // Only MPI_Wtime reads simulated time (the TSC and libstdc++'s clocks read the real
    // machine's), and measuring clocks would be ~200 000 simulator context switches a rank.
    // Reading it costs no simulated time, so it has no cost and no resolution to report.
    Clock clock = make_clock(ClockKind::mpi_wtime);
    clock.name = "MPI_Wtime (SMPI simulated time)";
    return clock;
  }
  Clock clock;
  if (rank == 0) clock = choose_clock();
  ClockKind kind = clock.kind;
  broadcast(world, kind);
  return rank == 0 ? clock : measure_clock(kind);
}

// With --sync window: each rank's clock offset against rank 0 and their spread, measured on
// all launched ranks once at start (each pattern refits its own before every size).
std::string clock_offsets_text(const RunConfig& config, MPI_Comm world, const Clock& clock, int rank) {
  if (config.sync != SyncMethod::window) return {};
  if constexpr (simulated) return "none: simulated ranks read one clock";
  ClockSync sync(world, clock);
  sync.refresh();
  if (rank != 0) return {};
  const auto offsets = sync.offsets_at(clock.now());
  const auto [low, high] = std::minmax_element(offsets.begin(), offsets.end());
  std::string text = fmt::format("spread {:.3f};", (*high - *low) * 1e6);
  for (std::size_t r = 1; r < offsets.size(); ++r) text += fmt::format(" {}:{:+.3f}", r, offsets[r] * 1e6);
  return text;
}

}  // namespace mpibench
