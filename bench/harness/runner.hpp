#pragma once
// Times one pattern at one message size: warm-up, batch-size calibration, samples until the
// stop rule says enough. Rank 0 of the communicator makes every decision and broadcasts it,
// outside the timed region, so all ranks run the same number of operations.
#include <mpi.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "toolkit/clock.hpp"
#include "bench/harness/clock_sync.hpp"
#include "bench/harness/run_config.hpp"
#include "statistics/stop_rule.hpp"
#include "patterns/pattern.hpp"

namespace mpibench {

// Untimed operations before the samples of a size: at least min_ops and min_time_s, and
// in any case until the batch size has settled; but past max_time_s, min_ops is not waited
// for (an operation that takes a second is warm after one). RunConfig holds the defaults.
struct WarmupRule {
  std::int64_t min_ops;
  double min_time_s;
  double max_time_s = std::numeric_limits<double>::infinity();
};

// Per-operation times (seconds, already divided by the pattern's time divisor), one entry
// per sample. Complete on rank 0 of the communicator only.
struct SizeSamples {
  std::vector<double> completion_s;  // per sample, the slowest rank: what the operation cost
  std::vector<double> rank_mean_s;   // per sample, the mean over ranks
  std::vector<double> rank_min_s;    // per sample, the fastest rank
  std::int64_t ops_per_sample = 1;
  StopReason stop = StopReason::samples;
  Record own_results;  // a self-timed pattern's result columns
  std::string sync;          // how samples started: barrier, window, or self (self-timed)
  std::int64_t invalid = 0;  // windowed samples discarded because a rank started late
  // Rank 0: the harness's own time between one sample and the next. With --sync barrier,
  // from the end of rank 0's timed region to the start of the next (the gather of times, the
  // stop decision and its broadcast, the barrier); with --sync window, from the moment the
  // slowest rank ended a sample to the next agreed start (the slack of a block, or the
  // block's gather, decision and start broadcast).
  std::vector<double> between_s;
};

class Runner {
 public:
  Runner(MPI_Comm comm, const Clock& clock, StopRule& stop_rule, WarmupRule warmup, SyncMethod sync);
  ~Runner();

  // Collective over the communicator. The pattern's setup() has been called. A failure
  // the ranks agree on (a lost task) is thrown as RunError on every rank.
  SizeSamples measure(Pattern& pattern);
  SizeSamples measure(OperationPattern& pattern);
  SizeSamples measure(SelfTimedPattern& pattern);

  // Collective: `passes` validation operations; a mismatch on any rank becomes the same
  // message on every rank.
  std::optional<std::string> validate(Pattern& pattern, std::uint64_t bytes, int passes);

 private:
  std::int64_t warm_up(OperationPattern& pattern);
  SizeSamples measure_windowed(OperationPattern& pattern, SizeSamples result);
  // Waits for `start` on this rank's clock; whether it had passed already (the rank is late).
  bool wait_until(double start) const;
  // After a barrier: the clock's readings at the start and at the end of `ops` operations.
  std::pair<double, double> timed_batch(OperationPattern& pattern, std::int64_t ops);

  MPI_Comm comm_;
  Clock clock_;
  StopRule& stop_rule_;
  WarmupRule warmup_;
  int rank_ = 0;
  int size_ = 0;
  double min_batch_s_ = 0;
  std::unique_ptr<ClockSync> sync_;  // --sync window only
  // --sync window: how far ahead of its broadcast a block's first start is; widens when
  // ranks are told too late.
  double lead_s_;
};

}  // namespace mpibench
