#include "bench/harness/run_config.hpp"

#include <limits>

#include "toolkit/simulation.hpp"

namespace mpibench {

std::unique_ptr<StopRule> RunConfig::make_stop_rule() const {
  if (iterations) return std::make_unique<FixedStopRule>(*iterations, max_time_s);
  return std::make_unique<AdaptiveStopRule>(min_samples, max_samples, precision, max_time_s);
}

double RunConfig::warmup_max_time_s() const {
  if (!warmup_bounded || iterations) return std::numeric_limits<double>::infinity();
  return max_time_s / 4;
}

RunLimit RunConfig::run_limit() const {
  if (time_limit_s) return {RunLimit::Kind::whole_run, *time_limit_s, 0};
  // A simulation's wall time grows with the simulated ranks, not with the sweep's (simulated)
  // budgets: no limit unless one is given. SimGrid itself ends a simulated deadlock.
  if (simulated) return {};
  if (iterations) return {RunLimit::Kind::whole_run, 3600, 0};
  // A step of a healthy run: a sample, a block of them (at most the sampling budget), a
  // warm-up batch (doubling), a self-timed run (the budget), a stage others measured. Ten
  // times the longest so far covers the next one's growth; 30 s covers a first step that
  // allocates and touches large buffers.
  constexpr double floor_s = 30;
  constexpr double factor = 10;
  return {RunLimit::Kind::no_progress, floor_s + 2 * max_time_s, factor};
}

}  // namespace mpibench
