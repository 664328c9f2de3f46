#pragma once
#include <cstdint>

namespace mpibench {

// How far a pattern that counts its own operations may go in one run: at most `max_ops`,
// and no longer than `max_time_s` once `min_ops` are done. The stop rule sets it for the
// measured run, the warm-up rule for the warm-up.
struct OperationBudget {
  std::int64_t min_ops = 1;
  std::int64_t max_ops = 1;
  double max_time_s = 0;
};

}  // namespace mpibench
