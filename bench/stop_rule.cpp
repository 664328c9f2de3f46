#include "bench/stop_rule.hpp"

namespace mpibench {

std::string_view to_string(StopReason reason) {
  switch (reason) {
    case StopReason::samples: return "samples";
    case StopReason::time: return "time";
  }
  return "unknown";
}

std::optional<StopReason> BudgetStopRule::check(const SizeProgress& progress) const {
  if (progress.samples.empty()) return std::nullopt;
  if (progress.samples.size() >= max_samples_) return StopReason::samples;
  if (progress.elapsed_s >= max_time_s_) return StopReason::time;
  return std::nullopt;
}

}  // namespace mpibench
