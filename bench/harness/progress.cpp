#include "bench/harness/progress.hpp"

#include <unistd.h>

#include <fmt/format.h>

namespace mpibench {
namespace {

constexpr auto line_every = std::chrono::seconds(5);

}  // namespace

Progress::Progress(bool enabled, std::size_t total_steps)
    : enabled_(enabled),
      terminal_(isatty(STDERR_FILENO) == 1),
      total_(total_steps),
      start_(Clock::now()),
      last_line_(start_) {}

Progress::~Progress() {
  if (enabled_ && terminal_ && done_ > 0) fmt::print(stderr, "\r\033[K");
}

void Progress::step(const std::string& what) {
  ++done_;
  if (!enabled_) return;
  if (terminal_) {
    fmt::print(stderr, "\r\033[K[{}/{}] {}", done_, total_, what);
    return;
  }
  const auto now = Clock::now();
  if (now - last_line_ < line_every) return;
  last_line_ = now;
  const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(now - start_).count();
  fmt::print(stderr, "mpibench: progress: [{}/{}] {} ({} s)\n", done_, total_, what, elapsed);
}

}  // namespace mpibench
