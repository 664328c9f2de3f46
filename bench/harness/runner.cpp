#include "bench/harness/runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <tuple>

#include <time.h>

#include "bench/toolkit/errors.hpp"
#include "bench/toolkit/mpi_check.hpp"
#include "bench/toolkit/payload.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "bench/harness/watchdog.hpp"
#include "bench/toolkit/simulation.hpp"

namespace mpibench {
namespace {

constexpr std::int64_t max_ops_per_sample = std::int64_t{1} << 24;
constexpr double first_window_s = 10e-6;
constexpr double max_window_s = 0.1;

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
    : comm_(comm), clock_(clock), stop_rule_(stop_rule), warmup_(warmup), min_batch_s_(min_batch_seconds(clock)), window_s_(first_window_s) {
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
      const bool enough = done >= warmup_.min_ops && clock_.now() - start >= warmup_.min_time_s;
      decision.over = settled && enough;
      if (!settled) decision.batch_ops *= 2;
      decision.out_of_time = time_limit_reached();
    }
    broadcast(comm_, decision);
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
  // A failed warm-up leaves messages in flight that would poison the measured run.
  if (auto failure = agree_on_problem(comm_, warmup.failure)) throw RunError(*failure);
  SelfTimedRun run =
      pattern.run_self_timed(clock_, stop_rule_.self_timed_budget(pattern.default_max_ops()));
  quiet_barrier(comm_);
  if (auto failure = agree_on_problem(comm_, run.failure)) throw RunError(*failure);
  SizeSamples result;
  result.completion_s = std::move(run.op_seconds);
  result.stop = run.stopped_by_time ? StopReason::time : stop_rule_.count_reached();
  result.own_results = std::move(run.own_results);
  result.sync = "self";
  return result;
}

// The start of a sample under --sync window: rank 0 picks a moment `window_s_` ahead on
// its clock, every rank waits for that moment on its own clock (through the fitted clock
// model), and a rank that is already past it is late. Returns the local start and lateness.
std::pair<double, bool> Runner::windowed_start() {
  double start_root = rank_ == 0 ? clock_.now() + window_s_ : 0;
  broadcast(comm_, start_root);
  const double start = sync_->local_time(start_root);
  const bool late = clock_.now() > start;
  if constexpr (simulated) {
    // Spinning on the simulated clock would never advance it: sleep in simulated time.
    if (!late) {
      const double wait = start - clock_.now();
      const auto whole = static_cast<time_t>(wait);
      const timespec pause{whole, static_cast<long>((wait - static_cast<double>(whole)) * 1e9)};
      nanosleep(&pause, nullptr);
    }
    return {start, late};
  }
  while (clock_.now() < start) {
  }
  return {start, late};
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
  if (windowed) sync_->refresh();
  stop_rule_.reset();
  std::vector<double> gathered(rank_ == 0 ? size_ : 0);
  std::int64_t done = 0;
  const double start = clock_.now();
  double previous_end = -1;  // where the last sample's timed region ended
  struct Decision {
    bool stop;
    bool counted;  // false: a rank was late, the sample is discarded
    bool out_of_time;
  };
  for (Decision decision{false, true, false}; !decision.stop;) {
    // A rule that counts operations gets exactly its count: the last batch may be shorter.
    const auto left = stop_rule_.operations_left(done);
    const std::int64_t ops = left ? std::min(result.ops_per_sample, *left) : result.ops_per_sample;
    const double per_op = 1.0 / (static_cast<double>(ops) * pattern.time_divisor());
    double mine = 0;
    double begin = 0;
    double end = 0;
    if (windowed) {
      bool late = false;
      std::tie(begin, late) = windowed_start();
      pattern.run(ops);
      end = clock_.now();
      // Timed from the agreed start, not from this rank's arrival: the slowest rank's time
      // is then when the operation completed everywhere, with no barrier skew in it.
      mine = late ? -1 : (end - begin) * per_op;
    } else {
      std::tie(begin, end) = timed_batch(pattern, ops);
      mine = (end - begin) * per_op;
    }
    if (rank_ == 0 && previous_end >= 0) result.between_s.push_back(begin - previous_end);
    previous_end = end;
    // Outside the timed region: every rank's time to rank 0, which decides whether to go on.
    mpi_check(MPI_Gather(&mine, 1, MPI_DOUBLE, gathered.data(), 1, MPI_DOUBLE, 0, comm_));
    if (rank_ == 0) {
      const auto [low, high] = std::minmax_element(gathered.begin(), gathered.end());
      decision.counted = *low >= 0;
      if (decision.counted) {
        double sum = 0;
        for (const double t : gathered) sum += t;
        result.completion_s.push_back(*high);
        result.rank_mean_s.push_back(sum / static_cast<double>(gathered.size()));
        result.rank_min_s.push_back(*low);
      } else {
        ++result.invalid;
        window_s_ = std::min(window_s_ * 1.5, max_window_s);  // too tight for this machine
      }
      const auto reason = stop_rule_.check({result.completion_s, clock_.now() - start,
                                            done + (decision.counted ? ops : 0)});
      decision.stop = reason.has_value();
      if (reason) result.stop = *reason;
      decision.out_of_time = time_limit_reached();
    }
    broadcast(comm_, decision);
    stop_if_out_of_time(decision.out_of_time);
    if (decision.counted) done += ops;
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
  }
  return std::nullopt;
}

}  // namespace mpibench
