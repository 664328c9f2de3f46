#include "statistics/stop_rule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "statistics/stats.hpp"

namespace mpibench {

std::string_view to_string(StopReason reason) {
  switch (reason) {
    case StopReason::precision: return "precision";
    case StopReason::time: return "time";
    case StopReason::samples: return "samples";
    case StopReason::iterations: return "iterations";
    case StopReason::long_samples: return "long_samples";
  }
  return "unknown";
}

std::optional<double> median_ci_relative_half_width(std::span<const double> samples) {
  if (samples.empty()) return std::nullopt;
  std::vector<double> sorted(samples.begin(), samples.end());
  std::sort(sorted.begin(), sorted.end());
  const MedianCi ci = median_ci_sorted(sorted);
  const double median = percentile_sorted(sorted, 0.5);
  if (ci.level < 0.95 || median <= 0) return std::nullopt;
  return (ci.high - ci.low) / 2 / median;
}

AdaptiveStopRule::AdaptiveStopRule(std::size_t min_samples, std::size_t max_samples,
                                   double precision, double max_time_s)
    : min_samples_(std::max<std::size_t>(1, min_samples)),
      max_samples_(std::max(max_samples, min_samples_)), precision_(precision),
      max_time_s_(max_time_s) {}

std::optional<StopReason> AdaptiveStopRule::check(const SizeProgress& progress) {
  const std::size_t n = progress.samples.size();
  const bool spent = progress.elapsed_s >= max_time_s_;
  if (n < min_samples_) {
    const bool exact = min_samples_ == max_samples_;
    if (exact || !spent || n < fewest_samples_with_ci) return std::nullopt;
    return StopReason::long_samples;
  }
  if (n >= max_samples_) return StopReason::samples;
  if (spent) return StopReason::time;
  if (n < next_look_) return std::nullopt;
  next_look_ = n + std::max<std::size_t>(1, n / 10);
  const auto relative = median_ci_relative_half_width(progress.samples);
  if (relative && *relative <= precision_) return StopReason::precision;
  return std::nullopt;
}

std::size_t AdaptiveStopRule::samples_before_next_look(std::size_t taken) const {
  if (taken >= max_samples_) return 1;
  const bool may_stop_at_fewest = min_samples_ != max_samples_ && fewest_samples_with_ci < min_samples_;
  const std::size_t first = may_stop_at_fewest && taken < fewest_samples_with_ci ? fewest_samples_with_ci : min_samples_;
  const std::size_t look = std::max({first, next_look_, taken + 1});
  return std::min(look, max_samples_) - taken;
}

std::string AdaptiveStopRule::metadata_text() const {
  if (min_samples_ == max_samples_) return fmt::format("{} samples per size", max_samples_);
  return fmt::format(
      "adaptive: at least {} samples, then until the 95% CI of the median is within {:g}% of "
      "it, or {} samples, or {:g} s of sampling per size ({} samples at least where that time "
      "is spent first)",
      min_samples_, precision_ * 100, max_samples_, max_time_s_, std::min(min_samples_, fewest_samples_with_ci));
}

std::optional<StopReason> FixedStopRule::check(const SizeProgress& progress) {
  if (progress.operations >= iterations_) return StopReason::iterations;
  return std::nullopt;
}

std::string FixedStopRule::metadata_text() const {
  return fmt::format("fixed: exactly {} timed operations per size (as OSU and IMB)", iterations_);
}

}  // namespace mpibench
