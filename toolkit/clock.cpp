#include "toolkit/clock.hpp"

#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

namespace mpibench {
namespace {

double steady_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

double mpi_now() { return MPI_Wtime(); }

#if defined(__x86_64__)
// Set once by calibrate_tsc(), read by tsc_now().
double seconds_per_tick = 0;
unsigned long long origin_ticks = 0;
double origin_s = 0;

// Seconds on steady_clock's scale: ranks on one node then read nearly the same time, as
// they would from steady_clock itself, and clock offsets between them stay small.
double tsc_now() {
  return origin_s + static_cast<double>(__rdtsc() - origin_ticks) * seconds_per_tick;
}

// Counts ticks over 20 ms of steady_clock; the frequency is then known to a few parts
// per million, far below what any measurement here resolves.
void calibrate_tsc() {
  if (seconds_per_tick > 0) return;
  const auto start = std::chrono::steady_clock::now();
  const auto ticks_start = __rdtsc();
  auto now = start;
  while (now - start < std::chrono::milliseconds(20)) now = std::chrono::steady_clock::now();
  const auto ticks = __rdtsc() - ticks_start;
  seconds_per_tick = std::chrono::duration<double>(now - start).count() / static_cast<double>(ticks);
  origin_ticks = ticks_start;
  origin_s = std::chrono::duration<double>(start.time_since_epoch()).count();
}

bool tsc_invariant() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("flags", 0) != 0) continue;
    std::istringstream words(line);
    bool constant = false;
    bool nonstop = false;
    for (std::string word; words >> word;) {
      constant = constant || word == "constant_tsc";
      nonstop = nonstop || word == "nonstop_tsc";
    }
    return constant && nonstop;
  }
  return false;
}
#endif

}  // namespace

bool clock_available(ClockKind kind) {
  if (kind != ClockKind::tsc) return true;
#if defined(__x86_64__)
  static const bool invariant = tsc_invariant();
  return invariant;
#else
  return false;
#endif
}

Clock make_clock(ClockKind kind) {
  Clock clock;
  clock.kind = kind;
  switch (kind) {
    case ClockKind::steady_clock:
      clock.name = "std::chrono::steady_clock";
      clock.now = steady_now;
      break;
    case ClockKind::mpi_wtime:
      clock.name = "MPI_Wtime";
      clock.now = mpi_now;
      break;
    case ClockKind::tsc:
#if defined(__x86_64__)
      calibrate_tsc();
      clock.name = "tsc (rdtsc)";
      clock.now = tsc_now;
#else
      return make_clock(ClockKind::steady_clock);
#endif
      break;
  }
  return clock;
}

Clock measure_clock(ClockKind kind) {
  constexpr int cost_reads = 200000;
  constexpr int resolution_steps = 2000;
  Clock clock = make_clock(kind);
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
  std::vector<Clock> candidates;
  for (const ClockKind kind : {ClockKind::steady_clock, ClockKind::mpi_wtime, ClockKind::tsc}) {
    if (clock_available(kind)) candidates.push_back(measure_clock(kind));
  }
  constexpr double fine_enough_s = 100e-9;
  const auto better = [&](const Clock& a, const Clock& b) {
    const bool a_fine = a.resolution_s <= fine_enough_s;
    const bool b_fine = b.resolution_s <= fine_enough_s;
    if (a_fine != b_fine) return a_fine;
    return a_fine ? a.cost_s < b.cost_s : a.resolution_s < b.resolution_s;
  };
  return *std::min_element(candidates.begin(), candidates.end(), better);
}

double min_batch_seconds(const Clock& clock) {
  constexpr double floor_s = 100e-6;  // also keeps barrier exit skew (~1 us) near 1%
  return std::max({floor_s, 1000 * 2 * clock.cost_s, 1000 * clock.resolution_s});
}

}  // namespace mpibench
