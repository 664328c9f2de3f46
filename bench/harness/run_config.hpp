#pragma once
// Everything a run needs, as plain values. The command line (cli/) fills it; nothing past
// cli/ knows about argv.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench/harness/run_limit.hpp"
#include "statistics/stop_rule.hpp"
#include "toolkit/simulation.hpp"
#include "patterns/pattern_option.hpp"
#include "results/output_formats.hpp"

namespace mpibench {

// How the samples of a collective start: after a barrier, or at an agreed time on
// synchronized clocks (no barrier exit skew in the measurement).
enum class SyncMethod { barrier, window };

struct RunConfig {
  std::vector<std::string> patterns;  // catalog names, run in this order
  bool skip_patterns_needing_more_ranks = false;  // `all`: run what the ranks allow
  std::vector<std::uint64_t> sizes;   // bytes
  OptionValues pattern_options;  // every option the patterns of the run declare
  bool corrupt_payload = false;  // test only: validation passes send spoiled payloads
  // Stop rule per size (adaptive unless `iterations` is set).
  std::size_t min_samples = 10;
  std::size_t max_samples = 100000;
  double precision = 0.01;            // relative half-width of the median's 95% CI
  double max_time_s = 1.0;            // sampling budget
  std::optional<std::int64_t> iterations;  // fixed mode: exactly this many operations
  bool drop_outliers = false;
  // Under simulation a barrier's exits are skewed as its tree is (a tree barrier releases the
  // root first, as a binomial bcast reaches it first), while the simulated clock is one clock:
  // collectives start at an agreed simulated time.
  SyncMethod sync = simulated ? SyncMethod::window : SyncMethod::barrier;
  int repeat = 1;                     // the whole sweep, this many times
  std::uint64_t seed = 1;             // size order shuffle when repeating
  // Per size, at least. A simulation has no caches, connections or frequency to warm: one
  // operation (at scale 5 ms would be hundreds of simulated rounds per size).
  std::int64_t warmup_ops = simulated ? 1 : 10;
  double warmup_time_s = simulated ? 0 : 0.005;
  // The default warm-up ends short of its count once it has taken a quarter of --max-time:
  // on a link at a hundredth of the others' rate, ten operations of 10 MiB are 100 MiB
  // through it per direction. A count given (-x) or fixed mode's is run in full.
  bool warmup_bounded = true;
  double warmup_max_time_s() const;
  bool validate = false;
  std::optional<std::uint64_t> memory_limit_bytes;  // per node, for all ranks' buffers
  std::vector<OutputFile> output_files;  // CSV, Google Benchmark's JSON, ... (results/output_formats)
  std::optional<double> time_limit_s;  // whole run (--time-limit)
  bool quiet = false;                 // no table on stdout
  std::string command_line;
  // The settings in effect, given or default, as options a command line would give them
  // (`options` in the metadata: what reproduces the run).
  std::string options;

  // The rule for a size, as the settings above say.
  std::unique_ptr<StopRule> make_stop_rule() const;

  // The limit the watchdog enforces: the given one; an hour in fixed mode, which runs what it
  // is told however long each operation takes; otherwise a no-progress limit, so that a hang
  // ends while a run on a slow link, whose every step is slow, goes on.
  RunLimit run_limit() const;
};

}  // namespace mpibench
