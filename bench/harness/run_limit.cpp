#include "bench/harness/run_limit.hpp"

#include <fmt/format.h>

namespace mpibench {

std::string limit_reason(const RunLimit& limit) {
  switch (limit.kind) {
    case RunLimit::Kind::whole_run: return fmt::format("time limit of {:g} s reached", limit.seconds);
    case RunLimit::Kind::no_progress:
      return fmt::format("no progress for {:g} s + {:g} x the longest step before (the no-progress limit)",
                         limit.seconds, limit.factor);
    case RunLimit::Kind::none: break;
  }
  return "";
}

std::string limit_advice(const RunLimit& limit) {
  if (limit.kind == RunLimit::Kind::no_progress) {
    return "a step hung or slowed far beyond the ones before it; --time-limit sets a whole-run limit instead";
  }
  return "raise --time-limit, or use fewer sizes or a smaller --max-time";
}

std::string limit_metadata(const RunLimit& limit) {
  switch (limit.kind) {
    case RunLimit::Kind::whole_run: return fmt::format("{:g}", limit.seconds);
    case RunLimit::Kind::no_progress:
      return fmt::format("none; the run ends after no progress for {:g} s + {:g} x the longest step "
                         "before (a sample, a block of samples, a stage); --time-limit sets one",
                         limit.seconds, limit.factor);
    case RunLimit::Kind::none: break;
  }
  return "none (simulated; --time-limit sets one)";
}

}  // namespace mpibench
