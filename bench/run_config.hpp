#pragma once
// Everything a run needs, as plain values. The command line (cli/) fills it; nothing past
// cli/ knows about argv.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "patterns/pattern.hpp"

namespace mpibench {

struct RunConfig {
  std::vector<std::string> patterns;  // catalog names, run in this order
  bool skip_patterns_needing_more_ranks = false;  // `all`: run what the ranks allow
  std::vector<std::uint64_t> sizes;   // bytes
  PatternOptions pattern_options;
  std::size_t samples = 200;          // per size, at most
  std::int64_t tasks = 10000;         // self-timed patterns (taskqueue): operations, at most
  double max_time_s = 1.0;            // per size, sampling budget
  std::int64_t warmup_ops = 10;       // per size, at least
  double warmup_time_s = 0.005;       // per size, at least
  bool validate = false;
  std::optional<std::uint64_t> memory_limit_bytes;  // per node, for all ranks' buffers
  std::optional<std::string> output_csv;
  std::optional<double> time_limit_s;  // whole run; derived from the sweep when not given
  bool quiet = false;                 // no table on stdout
  std::string command_line;

  // The limit the watchdog enforces: the given one, or one derived from the sweep's own
  // budgets with ample margin, so a hang ends and a healthy run never trips it.
  double effective_time_limit_s() const;
};

}  // namespace mpibench
