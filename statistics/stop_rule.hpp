#pragma once
// When a message size has been measured enough. Rank 0 asks the rule after every sample
// and broadcasts the answer, so all ranks stop together.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "statistics/operation_budget.hpp"

namespace mpibench {

// long_samples: the time budget was spent before --min-samples, each sample being long, and
// the size stopped at the fewest samples whose median has a 95% interval.
enum class StopReason { precision, time, samples, iterations, long_samples };

// The fewest samples whose median has a 95% confidence interval (order statistics x1..x6:
// 1 - 2 / 2^6 = 96.9%).
inline constexpr std::size_t fewest_samples_with_ci = 6;

std::string_view to_string(StopReason reason);

struct SizeProgress {
  std::span<const double> samples;  // the samples taken so far for this size
  double elapsed_s = 0;             // wall time spent sampling this size
  std::int64_t operations = 0;      // operations timed so far for this size
};

class StopRule {
 public:
  virtual ~StopRule() = default;
  // Starts a new size.
  virtual void reset() {}
  // Why to stop now, or nothing to take another sample.
  virtual std::optional<StopReason> check(const SizeProgress& progress) = 0;
  // Operations still to time at this size, for a rule that counts operations.
  virtual std::optional<std::int64_t> operations_left(std::int64_t done) const {
    static_cast<void>(done);
    return std::nullopt;
  }
  // How many samples can be taken, `taken` having been, before the rule next looks at them
  // (before `check` could stop on the count or the interval): the runner may time that
  // many before it asks. At least 1.
  virtual std::size_t samples_before_next_look(std::size_t taken) const {
    static_cast<void>(taken);
    return 1;
  }
  // For a pattern that counts its own operations (self-timed): the measured run's budget,
  // `default_max_ops` unless the rule counts operations itself.
  virtual OperationBudget self_timed_budget(std::int64_t default_max_ops) const = 0;
  // Why a self-timed run stopped when it ran out of operations rather than time.
  virtual StopReason count_reached() const = 0;
  // One line for the metadata.
  virtual std::string metadata_text() const = 0;
};

// The default: after `min_samples`, sample until the 95% confidence interval of the median
// is within `precision` of it (relative half-width), or `max_samples`, or `max_time_s` of
// sampling, whichever comes first. Never stops before `min_samples` while the budget lasts;
// once samples so long that the budget is spent first, at the fewest that give the median a
// 95% interval (as IMB shortens long sizes to its time budget), so that a link at a hundredth
// of the others' rate costs six samples, not ten. `--samples N` stays exactly N. The interval is
// recomputed only when the sample count has grown by 10% since the last look, so a size
// with many samples costs O(n log n) in all, not O(n^2 log n).
class AdaptiveStopRule final : public StopRule {
 public:
  AdaptiveStopRule(std::size_t min_samples, std::size_t max_samples, double precision,
                   double max_time_s);
  void reset() override { next_look_ = 0; }
  std::optional<StopReason> check(const SizeProgress& progress) override;
  // Up to the fewest samples with an interval (where a long sample may end the size), then
  // to --min-samples, then to the next look at the interval; never past --max-samples.
  // (The time budget is read at the looks: a block overruns it by at most a tenth.)
  std::size_t samples_before_next_look(std::size_t taken) const override;
  // The precision rule cannot judge a self-timed run (its operations overlap): the run
  // goes to its own operation count (taskqueue --tasks) or the time budget, after at least
  // --min-samples operations. Its operations are its samples: --samples N is exactly N.
  OperationBudget self_timed_budget(std::int64_t default_max_ops) const override {
    const auto at_least = static_cast<std::int64_t>(min_samples_);
    if (min_samples_ == max_samples_) return {at_least, at_least, max_time_s_};
    return {std::min(at_least, default_max_ops), default_max_ops, max_time_s_};
  }
  StopReason count_reached() const override { return StopReason::samples; }
  std::string metadata_text() const override;

 private:
  std::size_t min_samples_;
  std::size_t max_samples_;
  double precision_;
  double max_time_s_;
  std::size_t next_look_ = 0;
};

// Fixed mode, for comparison with OSU and IMB: exactly `iterations` timed operations per size.
// A self-timed run also stops at `self_timed_max_time_s`, so a slow task queue still ends.
class FixedStopRule final : public StopRule {
 public:
  FixedStopRule(std::int64_t iterations, double self_timed_max_time_s)
      : iterations_(iterations), self_timed_max_time_s_(self_timed_max_time_s) {}
  std::optional<StopReason> check(const SizeProgress& progress) override;
  std::optional<std::int64_t> operations_left(std::int64_t done) const override {
    return iterations_ - done;
  }
  // Every operation still to time: the rule looks only at the count.
  std::size_t samples_before_next_look(std::size_t taken) const override {
    return static_cast<std::size_t>(std::max<std::int64_t>(1, iterations_ - static_cast<std::int64_t>(taken)));
  }
  OperationBudget self_timed_budget(std::int64_t) const override {
    return {1, iterations_, self_timed_max_time_s_};
  }
  StopReason count_reached() const override { return StopReason::iterations; }
  std::string metadata_text() const override;

 private:
  std::int64_t iterations_;
  double self_timed_max_time_s_;
};

// The relative half-width of the 95% confidence interval of the median of `samples`, or
// nothing when the interval does not reach 95% (fewer than six samples) or the median is 0.
std::optional<double> median_ci_relative_half_width(std::span<const double> samples);

}  // namespace mpibench
