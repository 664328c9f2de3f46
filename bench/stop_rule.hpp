#pragma once
// When a message size has been measured enough. Rank 0 asks the rule after every sample
// and broadcasts the answer, so all ranks stop together.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mpibench {

enum class StopReason { precision, time, samples, iterations };

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
  // One line for the metadata.
  virtual std::string describe() const = 0;
};

// The default: after `min_samples`, sample until the 95% confidence interval of the median
// is within `precision` of it (relative half-width), or `max_samples`, or `max_time_s` of
// sampling, whichever comes first. Never stops before `min_samples`. The interval is
// recomputed only when the sample count has grown by 10% since the last look, so a size
// with many samples costs O(n log n) in all, not O(n^2 log n).
class AdaptiveStopRule final : public StopRule {
 public:
  AdaptiveStopRule(std::size_t min_samples, std::size_t max_samples, double precision,
                   double max_time_s);
  void reset() override { next_look_ = 0; }
  std::optional<StopReason> check(const SizeProgress& progress) override;
  std::string describe() const override;

 private:
  std::size_t min_samples_;
  std::size_t max_samples_;
  double precision_;
  double max_time_s_;
  std::size_t next_look_ = 0;
};

// Fixed mode, for comparison with OSU and IMB: exactly `iterations` timed operations per size.
class FixedStopRule final : public StopRule {
 public:
  explicit FixedStopRule(std::int64_t iterations) : iterations_(iterations) {}
  std::optional<StopReason> check(const SizeProgress& progress) override;
  std::optional<std::int64_t> operations_left(std::int64_t done) const override {
    return iterations_ - done;
  }
  std::string describe() const override;

 private:
  std::int64_t iterations_;
};

// The relative half-width of the 95% confidence interval of the median of `samples`, or
// nothing when the interval does not reach 95% (fewer than six samples) or the median is 0.
std::optional<double> median_ci_relative_half_width(std::span<const double> samples);

}  // namespace mpibench
