#include "bench/clock.hpp"

#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <limits>

namespace mpibench {
namespace {

double steady_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

double mpi_now() { return MPI_Wtime(); }

}  // namespace

Clock measure_clock(ClockKind kind) {
  constexpr int cost_reads = 200000;
  constexpr int resolution_steps = 2000;
  Clock clock;
  clock.kind = kind;
  clock.name = kind == ClockKind::mpi_wtime ? "MPI_Wtime" : "std::chrono::steady_clock";
  clock.now = kind == ClockKind::mpi_wtime ? mpi_now : steady_now;
  const auto now = clock.now;

  volatile double sink = 0;
  const double start = now();
  for (int i = 0; i < cost_reads; ++i) sink = now();
  clock.cost_s = (now() - start) / (cost_reads + 1);
  static_cast<void>(sink);

  double smallest = std::numeric_limits<double>::infinity();
  for (int i = 0; i < resolution_steps; ++i) {
    const double first = now();
    double next = now();
    while (next == first) next = now();
    smallest = std::min(smallest, next - first);
  }
  clock.resolution_s = smallest;
  return clock;
}

Clock choose_clock() {
  Clock steady = measure_clock(ClockKind::steady_clock);
  Clock wtime = measure_clock(ClockKind::mpi_wtime);
  constexpr double fine_enough_s = 100e-9;
  const bool steady_fine = steady.resolution_s <= fine_enough_s;
  const bool wtime_fine = wtime.resolution_s <= fine_enough_s;
  if (steady_fine && wtime_fine) return steady.cost_s <= wtime.cost_s ? steady : wtime;
  return steady.resolution_s <= wtime.resolution_s ? steady : wtime;
}

double min_batch_seconds(const Clock& clock) {
  constexpr double floor_s = 100e-6;  // also keeps barrier exit skew (~1 us) near 1%
  return std::max({floor_s, 1000 * 2 * clock.cost_s, 1000 * clock.resolution_s});
}

}  // namespace mpibench
