#include "bench/progress.hpp"

#include <unistd.h>

#include <fmt/format.h>

namespace mpibench {

Progress::Progress(bool enabled, std::size_t total_steps)
    : enabled_(enabled && isatty(STDERR_FILENO) == 1), total_(total_steps) {}

Progress::~Progress() {
  if (enabled_ && done_ > 0) fmt::print(stderr, "\r\033[K");
}

void Progress::step(const std::string& what) {
  ++done_;
  if (enabled_) fmt::print(stderr, "\r\033[K[{}/{}] {}", done_, total_, what);
}

}  // namespace mpibench
