#include "bench/harness/run_clock.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bench/harness/clock_sync.hpp"
#include "bench/harness/rank_exchange.hpp"

namespace mpibench {

Clock agreed_clock(MPI_Comm world, int rank) {
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
