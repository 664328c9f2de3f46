#pragma once
// How long a run may go on, as the watchdog enforces it and the outputs describe it.
#include <string>

namespace mpibench {

struct RunLimit {
  enum class Kind {
    none,         // a simulation not given one: SimGrid ends a simulated deadlock itself
    whole_run,    // --time-limit, or fixed mode's hour: the run ends `seconds` after it starts
    no_progress,  // the default: the run ends when no step (a sample, a block of samples, a
                  // stage) has completed for `seconds` + `factor` × the longest interval
                  // between two steps so far
  };
  Kind kind = Kind::none;
  double seconds = 0;
  double factor = 0;
};

// Why a run that reached the limit stopped, as its outputs end: "time limit of 4 s reached".
std::string limit_reason(const RunLimit& limit);
// What the error line adds: what to do about it.
std::string limit_advice(const RunLimit& limit);
// The metadata's time_limit_s: "4", or the rule in words.
std::string limit_metadata(const RunLimit& limit);

}  // namespace mpibench
