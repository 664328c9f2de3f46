#pragma once
#include <cstddef>
#include <string>

namespace mpibench {

// "[3/24] pingpong 4 KiB" on stderr, rewritten in place, for a person watching a long
// sweep. Silent when stderr is not a terminal (CI logs, redirected runs) or when disabled.
class Progress {
 public:
  Progress(bool enabled, std::size_t total_steps);
  ~Progress();
  void step(const std::string& what);

 private:
  bool enabled_;
  std::size_t total_;
  std::size_t done_ = 0;
};

}  // namespace mpibench
