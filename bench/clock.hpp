#pragma once
#include <string>

namespace mpibench {

enum class ClockKind { steady_clock, mpi_wtime };

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

// Measures one clock on this rank.
Clock measure_clock(ClockKind kind);

// Measures MPI_Wtime and std::chrono::steady_clock and returns the better one: the
// cheaper of those whose resolution is at most 100 ns, else the finer one.
Clock choose_clock();

// The shortest batch of operations worth timing with `clock`: long enough that the two
// clock reads and the clock's resolution are each under 0.1% of it.
double min_batch_seconds(const Clock& clock);

}  // namespace mpibench
