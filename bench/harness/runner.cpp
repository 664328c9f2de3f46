#include "bench/harness/runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include <time.h>

#include "toolkit/errors.hpp"
#include "toolkit/mpi_check.hpp"
#include "toolkit/payload.hpp"
#include "bench/harness/heartbeats.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "bench/harness/watchdog.hpp"
#include "toolkit/simulation.hpp"

namespace mpibench {
namespace {

constexpr std::int64_t max_ops_per_sample = std::int64_t{1} << 24;
constexpr double first_window_s = 10e-6;
constexpr double max_window_s = 0.1;
// A block's times wait on rank 0 for the next look: at most this many (samples × ranks).
constexpr std::size_t max_block_times = std::size_t{1} << 22;

struct WarmupDecision {
  std::int64_t batch_ops;
  bool over;
  bool out_of_time;
};

// Every rank got rank 0's decision: past the time limit, all stop here together.
void stop_if_out_of_time(bool out_of_time) {
  if (out_of_time) throw TimeLimitReached(time_limit_text());
}

}  // namespace

Runner::Runner(MPI_Comm comm, const Clock& clock, StopRule& stop_rule, WarmupRule warmup,
               SyncMethod sync)
    : comm_(comm), clock_(clock), stop_rule_(stop_rule), warmup_(warmup), min_batch_s_(min_batch_seconds(clock)), lead_s_(first_window_s) {
  mpi_check(MPI_Comm_rank(comm_, &rank_));
  mpi_check(MPI_Comm_size(comm_, &size_));
  if (sync == SyncMethod::window) sync_ = std::make_unique<ClockSync>(comm_, clock_);
}

std::pair<double, double> Runner::timed_batch(OperationPattern& pattern, std::int64_t ops) {
  mpi_check(MPI_Barrier(comm_));
  const double start = clock_.now();
  pattern.run(ops);
  return {start, clock_.now()};
}

// Warm-up doubles as calibration of the batch size: a batched pattern's batch doubles while
// it is shorter than the clock can time well, so the batch size is chosen on warm caches
// and settled connections, never on the first, slow operations.
std::int64_t Runner::warm_up(OperationPattern& pattern) {
  const bool batched = pattern.timing() == Timing::batched;
  std::int64_t done = 0;
  const double start = clock_.now();
  WarmupDecision decision{1, false, false};
  while (!decision.over) {
    const auto [begin, end] = timed_batch(pattern, decision.batch_ops);
    const double seconds = end - begin;
    done += decision.batch_ops;
    if (rank_ == 0) {
      const bool settled =
          !batched || seconds >= min_batch_s_ || decision.batch_ops >= max_ops_per_sample;
      const double spent = clock_.now() - start;
      const bool enough = (done >= warmup_.min_ops || spent >= warmup_.max_time_s) && spent >= warmup_.min_time_s;
      decision.over = settled && enough;
      if (!settled) decision.batch_ops *= 2;
      decision.out_of_time = time_limit_reached();
    }
    broadcast(comm_, decision);
    step_done(rank_ == 0);
    stop_if_out_of_time(decision.out_of_time);
  }
  return decision.batch_ops;
}

// A self-timed pattern runs its own loop: a warm-up run whose times are dropped, then the
// measured run. Ranks without work in a configuration (workers not used) wait in a sleeping
// barrier, and a failure found on rank 0 becomes every rank's.
SizeSamples Runner::measure(SelfTimedPattern& pattern) {
  mpi_check(MPI_Barrier(comm_));
  const SelfTimedRun warmup = pattern.run_self_timed(
      clock_, OperationBudget{warmup_.min_ops, std::numeric_limits<std::int64_t>::max(), warmup_.min_time_s});
  quiet_barrier(comm_);
  step_done(rank_ == 0);
  // A failed warm-up leaves messages in flight that would poison the measured run.
  if (auto failure = agree_on_problem(comm_, warmup.failure)) throw RunError(*failure);
  SelfTimedRun run =
      pattern.run_self_timed(clock_, stop_rule_.self_timed_budget(pattern.default_max_ops()));
  quiet_barrier(comm_);
  step_done(rank_ == 0);
  if (auto failure = agree_on_problem(comm_, run.failure)) throw RunError(*failure);
  SizeSamples result;
  result.completion_s = std::move(run.op_seconds);
  result.stop = run.stopped_by_time ? StopReason::time : stop_rule_.count_reached();
  result.own_results = std::move(run.own_results);
  result.sync = "self";
  return result;
}

bool Runner::wait_until(double start) const {
  if (clock_.now() > start) return true;
  if constexpr (simulated) {
    // Spinning on the simulated clock would never advance it: sleep in simulated time.
    const double wait = start - clock_.now();
    const auto whole = static_cast<time_t>(wait);
    const timespec pause{whole, static_cast<long>((wait - static_cast<double>(whole)) * 1e9)};
    nanosleep(&pause, nullptr);
    return false;
  }
  while (clock_.now() < start) {
  }
  return false;
}

Runner::~Runner() = default;

// The one place that tells the timing models apart.
SizeSamples Runner::measure(Pattern& pattern) {
  if (auto* self_timed = dynamic_cast<SelfTimedPattern*>(&pattern)) return measure(*self_timed);
  return measure(dynamic_cast<OperationPattern&>(pattern));
}

SizeSamples Runner::measure(OperationPattern& pattern) {
  const bool windowed = sync_ && pattern.timing() == Timing::one_per_sample;
  SizeSamples result;
  result.sync = windowed ? "window" : "barrier";
  result.ops_per_sample = warm_up(pattern);
  stop_rule_.reset();
  if (windowed) {
    sync_->refresh();
    return measure_windowed(pattern, std::move(result));
  }
  std::vector<double> gathered(rank_ == 0 ? size_ : 0);
  std::int64_t done = 0;
  const double start = clock_.now();
  double previous_end = -1;  // where the last sample's timed region ended
  struct Decision {
    bool stop;
    bool out_of_time;
  };
  for (Decision decision{false, false}; !decision.stop;) {
    // A rule that counts operations gets exactly its count: the last batch may be shorter.
    const auto left = stop_rule_.operations_left(done);
    const std::int64_t ops = left ? std::min(result.ops_per_sample, *left) : result.ops_per_sample;
    const auto [begin, end] = timed_batch(pattern, ops);
    const double mine = (end - begin) / (static_cast<double>(ops) * pattern.time_divisor());
    if (rank_ == 0 && previous_end >= 0) result.between_s.push_back(begin - previous_end);
    previous_end = end;
    // Outside the timed region: every rank's time to rank 0, which decides whether to go on.
    mpi_check(MPI_Gather(&mine, 1, MPI_DOUBLE, gathered.data(), 1, MPI_DOUBLE, 0, comm_));
    if (rank_ == 0) {
      const auto [low, high] = std::minmax_element(gathered.begin(), gathered.end());
      double sum = 0;
      for (const double t : gathered) sum += t;
      result.completion_s.push_back(*high);
      result.rank_mean_s.push_back(sum / static_cast<double>(gathered.size()));
      result.rank_min_s.push_back(*low);
      const auto reason = stop_rule_.check({result.completion_s, clock_.now() - start, done + ops});
      decision.stop = reason.has_value();
      if (reason) result.stop = *reason;
      decision.out_of_time = time_limit_reached();
    }
    broadcast(comm_, decision);
    step_done(rank_ == 0);
    stop_if_out_of_time(decision.out_of_time);
    done += ops;
  }
  return result;
}

// Under --sync window each sample is one operation started at an agreed moment: rank 0
// hands out the starts of a block of samples at once (the first lead_s_ ahead of the
// broadcast, then one every `spacing`: room for the samples, and a slack), each rank
// waits for each start on its own clock (through the fitted clock model) and times the
// operation from it, so the slowest rank's time is when the operation completed everywhere,
// with no barrier skew in it. Rank 0 collects the block's times once, when the stop rule
// next looks: two collectives per block, where a start, a gather and a decision per sample
// made the harness's time between samples grow with log p. A sample that a rank started
// late (still busy with the last one, or told too late) is discarded, and the slack it
// lacked widens.
SizeSamples Runner::measure_windowed(OperationPattern& pattern, SizeSamples result) {
  struct Block {
    double first_start = 0;  // on rank 0's clock
    double spacing_s = 0;
    std::int64_t count = 1;  // the first block is one sample: how long one takes is unknown
    bool stop = false;
    bool out_of_time = false;
  };
  const double divisor = pattern.time_divisor();
  const double begun = clock_.now();
  std::vector<double> mine;
  std::vector<double> gathered;
  double longest_s = 0;      // rank 0: the longest sample of the last block that counted one
  // The slack between samples is this size's own: a late sample at one size says nothing of
  // the next (the lead before a block, the broadcast's time, is the machine's: a member).
  double gap_s = first_window_s;
  double previous_end = -1;  // rank 0's clock: when the last counted sample completed
  Block block;
  if (rank_ == 0) block.first_start = clock_.now() + lead_s_;
  broadcast(comm_, block);
  while (!block.stop) {
    const auto count = static_cast<std::size_t>(block.count);
    mine.assign(count, -1);
    for (std::size_t k = 0; k < count; ++k) {
      const double start = sync_->local_time(block.first_start + static_cast<double>(k) * block.spacing_s);
      const bool late = wait_until(start);
      pattern.run(1);
      const double end = clock_.now();
      if (!late) mine[k] = end - start;
    }
    // Outside the timed region: the block's times to rank 0, rank k's at k × count.
    gathered.resize(rank_ == 0 ? count * static_cast<std::size_t>(size_) : 0);
    mpi_check(MPI_Gather(mine.data(), static_cast<int>(count), MPI_DOUBLE, gathered.data(), static_cast<int>(count),
                         MPI_DOUBLE, 0, comm_));
    if (rank_ == 0) {
      double block_longest = -1;
      bool lead_late = false;
      bool gap_late = false;
      for (std::size_t k = 0; k < count; ++k) {
        double low = std::numeric_limits<double>::infinity();
        double high = -1;
        double sum = 0;
        for (std::size_t r = 0; r < static_cast<std::size_t>(size_); ++r) {
          const double t = gathered[r * count + k];
          low = std::min(low, t);
          high = std::max(high, t);
          sum += t;
        }
        const double start = block.first_start + static_cast<double>(k) * block.spacing_s;
        if (low < 0) {
          ++result.invalid;
          // Late for the first start: the broadcast took longer than the lead; for a later
          // one: the last sample ran past the slack.
          (k == 0 ? lead_late : gap_late) = true;
          previous_end = -1;
          continue;
        }
        // Every rank was on time, so none ended the last sample after this start (to within
        // the clock model's error, which is kept out).
        if (previous_end >= 0) result.between_s.push_back(std::max(0.0, start - previous_end));
        result.completion_s.push_back(high / divisor);
        result.rank_mean_s.push_back(sum / static_cast<double>(size_) / divisor);
        result.rank_min_s.push_back(low / divisor);
        block_longest = std::max(block_longest, high);
        previous_end = start + high;
      }
      // Each slack widens by half once per block it was short in.
      if (lead_late) lead_s_ = std::min(lead_s_ * 1.5, max_window_s);
      if (gap_late) gap_s = std::min(gap_s * 1.5, max_window_s);
      if (block_longest >= 0) longest_s = block_longest;
      // One operation a sample: the operations timed are the samples counted.
      const auto done = static_cast<std::int64_t>(result.completion_s.size());
      const auto reason = stop_rule_.check({result.completion_s, clock_.now() - begun, done});
      block.stop = reason.has_value();
      if (reason) result.stop = *reason;
      block.out_of_time = time_limit_reached();
      if (!block.stop) {
        // Room for the longest sample of the last block, and the slack: a disturbed sample
        // costs the next block, not a widened spacing for the rest of the size. Not a
        // multiple of the typical sample: that would put the sample's own length, which
        // grows with log p, into the harness's time between samples.
        block.spacing_s = longest_s + gap_s;
        // Until one sample has counted, how long one takes is not known: blocks of one.
        auto next = result.completion_s.empty()
                        ? std::int64_t{1}
                        : static_cast<std::int64_t>(stop_rule_.samples_before_next_look(result.completion_s.size()));
        if (const auto left = stop_rule_.operations_left(done)) next = std::min(next, *left);
        next = std::min(next, static_cast<std::int64_t>(max_block_times / static_cast<std::size_t>(size_)));
        block.count = std::max<std::int64_t>(next, 1);
        block.first_start = clock_.now() + lead_s_;
      }
    }
    broadcast(comm_, block);
    step_done(rank_ == 0);
    stop_if_out_of_time(block.out_of_time);
  }
  return result;
}

std::optional<std::string> Runner::validate(Pattern& pattern, std::uint64_t bytes, int passes) {
  for (int pass = 0; pass < passes; ++pass) {
    const auto mismatch = pattern.run_validated(payload_seed(bytes, static_cast<std::uint64_t>(pass), 0x7a11));
    std::optional<std::string> mine;
    if (mismatch && mismatch->offset) {
      mine = fmt::format("rank {} found a wrong byte at offset {} of the {} (pass {})", rank_,
                         *mismatch->offset, mismatch->what, pass + 1);
    } else if (mismatch) {
      mine = fmt::format("rank {}: {} (pass {})", rank_, mismatch->what, pass + 1);
    }
    if (auto problem = agree_on_problem(comm_, mine)) return problem;
    step_done(rank_ == 0);
  }
  return std::nullopt;
}

}  // namespace mpibench
