#pragma once
// When a message size has been measured enough. Rank 0 asks the rule after every sample
// and broadcasts the answer, so all ranks stop together.
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace mpibench {

enum class StopReason { samples, time };

std::string_view to_string(StopReason reason);

struct SizeProgress {
  std::span<const double> samples;  // the samples taken so far for this size
  double elapsed_s = 0;             // wall time spent sampling this size
};

class StopRule {
 public:
  virtual ~StopRule() = default;
  // Why to stop now, or nothing to take another sample. Never stops before one sample.
  virtual std::optional<StopReason> check(const SizeProgress& progress) const = 0;
};

// Stops at a sample count or when the time budget of the size is spent, whichever comes
// first.
class BudgetStopRule final : public StopRule {
 public:
  BudgetStopRule(std::size_t max_samples, double max_time_s)
      : max_samples_(max_samples), max_time_s_(max_time_s) {}
  std::optional<StopReason> check(const SizeProgress& progress) const override;

 private:
  std::size_t max_samples_;
  double max_time_s_;
};

}  // namespace mpibench
