#pragma once
#include <chrono>
#include <cstddef>
#include <string>

namespace mpibench {

// Where a long sweep is, on stderr, for a person watching it. On a terminal: "[3/24]
// pingpong 4 KiB" rewritten in place. Elsewhere (mpiexec forwards stderr through a pipe, a
// CI log): a whole line "mpibench: progress: ..." at most every few seconds, none for a run
// shorter than that, and no carriage returns. Silent when disabled (-q, ranks other than 0).
class Progress {
 public:
  Progress(bool enabled, std::size_t total_steps);
  ~Progress();
  void step(const std::string& what);
  void extend(std::size_t more_steps) { total_ += more_steps; }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool terminal_;
  std::size_t total_;
  std::size_t done_ = 0;
  Clock::time_point start_;
  Clock::time_point last_line_;
};

}  // namespace mpibench
