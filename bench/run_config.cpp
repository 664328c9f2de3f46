#include "bench/run_config.hpp"

namespace mpibench {

double RunConfig::effective_time_limit_s() const {
  if (time_limit_s) return *time_limit_s;
  // Each size samples for at most max_time_s; warm-up, validation and one overlong sample
  // are allowed as much again, and the whole three times over, plus start-up.
  const double per_size = 2 * max_time_s + warmup_time_s + 1.0;
  return 60 + 3 * per_size * static_cast<double>(sizes.size() * patterns.size());
}

}  // namespace mpibench
