#include "bench/harness/run_config.hpp"

#include "toolkit/simulation.hpp"

namespace mpibench {

std::unique_ptr<StopRule> RunConfig::make_stop_rule() const {
  if (iterations) return std::make_unique<FixedStopRule>(*iterations, max_time_s);
  return std::make_unique<AdaptiveStopRule>(min_samples, max_samples, precision, max_time_s);
}

std::optional<double> RunConfig::effective_time_limit_s(std::size_t configurations) const {
  if (time_limit_s) return time_limit_s;
  // A simulation's wall time grows with the simulated ranks, not with the sweep's (simulated)
  // budgets: no limit unless one is given. SimGrid itself ends a simulated deadlock.
  if (simulated) return std::nullopt;
  // Fixed mode runs what it is told, however long each operation takes: an hour bounds it.
  if (iterations) return 3600;
  // Each size samples for at most max_time_s; warm-up, validation and one overlong sample
  // are allowed as much again, and the whole three times over, plus start-up.
  const double per_size = 2 * max_time_s + warmup_time_s + 1.0;
  return 60 + 3 * per_size * static_cast<double>(configurations);
}

}  // namespace mpibench
