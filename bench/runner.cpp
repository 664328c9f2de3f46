#include "bench/runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "bench/errors.hpp"
#include "bench/mpi_check.hpp"
#include "bench/payload.hpp"
#include "bench/rank_exchange.hpp"

namespace mpibench {
namespace {

constexpr std::int64_t max_ops_per_sample = std::int64_t{1} << 24;

struct WarmupDecision {
  std::int64_t batch_ops;
  bool over;
};

}  // namespace

Runner::Runner(MPI_Comm comm, const Clock& clock, const StopRule& stop_rule, WarmupRule warmup,
               SelfTimedBudget self_timed)
    : comm_(comm), clock_(clock), stop_rule_(stop_rule), warmup_(warmup),
      self_timed_(self_timed), min_batch_s_(min_batch_seconds(clock)) {
  mpi_check(MPI_Comm_rank(comm_, &rank_));
  mpi_check(MPI_Comm_size(comm_, &size_));
}

double Runner::timed_batch(Pattern& pattern, std::int64_t ops) {
  mpi_check(MPI_Barrier(comm_));
  const double start = clock_.now();
  pattern.run(ops);
  return clock_.now() - start;
}

// Warm-up doubles as calibration of the batch size: a batched pattern's batch doubles while
// it is shorter than the clock can time well, so the batch size is chosen on warm caches
// and settled connections, never on the first, slow operations.
std::int64_t Runner::warm_up(Pattern& pattern) {
  const bool batched = pattern.timing() == Timing::batched;
  std::int64_t done = 0;
  const double start = clock_.now();
  WarmupDecision decision{1, false};
  while (!decision.over) {
    const double seconds = timed_batch(pattern, decision.batch_ops);
    done += decision.batch_ops;
    if (rank_ == 0) {
      const bool settled =
          !batched || seconds >= min_batch_s_ || decision.batch_ops >= max_ops_per_sample;
      const bool enough = done >= warmup_.min_ops && clock_.now() - start >= warmup_.min_time_s;
      decision.over = settled && enough;
      if (!settled) decision.batch_ops *= 2;
    }
    broadcast(comm_, decision);
  }
  return decision.batch_ops;
}

// A self-timed pattern runs its own loop: a warm-up run whose times are dropped, then the
// measured run. Ranks without work in a configuration (workers not used) wait in a sleeping
// barrier, and a failure found on rank 0 becomes every rank's.
SizeSamples Runner::measure_self_timed(Pattern& pattern) {
  mpi_check(MPI_Barrier(comm_));
  pattern.run_self_timed(clock_, warmup_.min_ops, std::numeric_limits<std::int64_t>::max(),
                         warmup_.min_time_s);
  quiet_barrier(comm_);
  SelfTimedRun run =
      pattern.run_self_timed(clock_, 1, self_timed_.max_ops, self_timed_.max_time_s);
  quiet_barrier(comm_);
  if (auto failure = agree_on_problem(comm_, run.failure)) throw RunError(*failure);
  SizeSamples result;
  result.completion_s = std::move(run.op_seconds);
  result.stop = run.stopped_by_time ? StopReason::time : StopReason::samples;
  result.cells = std::move(run.cells);
  return result;
}

SizeSamples Runner::measure(Pattern& pattern) {
  if (pattern.timing() == Timing::self_timed) return measure_self_timed(pattern);
  SizeSamples result;
  result.ops_per_sample = warm_up(pattern);
  const auto ops = result.ops_per_sample;
  const double per_op = 1.0 / (static_cast<double>(ops) * pattern.time_divisor());
  std::vector<double> gathered(rank_ == 0 ? size_ : 0);
  const double start = clock_.now();
  for (bool stop = false; !stop;) {
    const double mine = timed_batch(pattern, ops) * per_op;
    // Outside the timed region: every rank's time to rank 0, which decides whether to go on.
    mpi_check(MPI_Gather(&mine, 1, MPI_DOUBLE, gathered.data(), 1, MPI_DOUBLE, 0, comm_));
    if (rank_ == 0) {
      const auto [low, high] = std::minmax_element(gathered.begin(), gathered.end());
      double sum = 0;
      for (const double t : gathered) sum += t;
      result.completion_s.push_back(*high);
      result.rank_mean_s.push_back(sum / static_cast<double>(gathered.size()));
      result.rank_min_s.push_back(*low);
      const auto reason = stop_rule_.check({result.completion_s, clock_.now() - start});
      stop = reason.has_value();
      if (reason) result.stop = *reason;
    }
    broadcast(comm_, stop);
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
