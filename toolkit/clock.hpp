#pragma once
#include <string>

namespace mpibench {

// tsc: the x86 time-stamp counter, read with rdtsc and scaled by a frequency measured
// against steady_clock at start; offered only where the CPU says it is invariant
// (constant_tsc and nonstop_tsc), so it ticks at one rate through frequency changes and
// idle states.
enum class ClockKind { steady_clock, mpi_wtime, tsc };

// A clock the runner reads twice per sample. Which one is used is decided at start from
// measurements (resolution and cost per read), because MPI_Wtime is not always the best
// clock an MPI library has to offer.
struct Clock {
  ClockKind kind = ClockKind::steady_clock;
  std::string name;
  double (*now)() = nullptr;  // seconds, monotonic
  double resolution_s = 0;    // smallest step seen between two reads
  double cost_s = 0;          // average cost of one read
};

// A clock without its measurements, for timing that needs no calibration.
Clock make_clock(ClockKind kind);

// Measures one clock on this rank.
Clock measure_clock(ClockKind kind);

// Whether this machine offers `kind`.
bool clock_available(ClockKind kind);

// Measures every available clock and returns the best: the cheapest of those whose
// resolution is at most 100 ns, else the finest.
Clock choose_clock();

// The shortest batch of operations worth timing with `clock`: long enough that the two
// clock reads and the clock's resolution are each under 0.1% of it.
double min_batch_seconds(const Clock& clock);

}  // namespace mpibench
