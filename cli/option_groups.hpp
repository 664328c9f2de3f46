#pragma once
// The command line's option groups: which options exist, their help, their checks. Every
// subcommand gets the common group; a pattern gets the groups its catalog entry names.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "bench/run_config.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {

// What CLI11 fills: plain settings straight into a RunConfig (so its defaults are the
// only ones), the rest as text or optionals that parse_command_line() turns into settings.
struct RawOptions {
  RunConfig config;
  std::string sizes;  // empty: the pattern's default
  std::string osu_sizes;  // -m, as OSU: MAX or MIN:MAX
  std::string output;
  std::string json;
  std::optional<std::size_t> samples;
  std::string precision = "1%";
  std::string sync = "barrier";
  std::optional<std::int64_t> warmup_ops;
  double time_limit_s = 0;
  std::string memory_limit;
  std::string op = "sum";
  std::string type = "float";  // IMB's default
};

inline constexpr const char* default_sizes = "0:4M";
inline constexpr const char* default_task_sizes = "0:64K";  // task payloads are small

// Sizes, output, stop rule, warm-up, synchronization, repeats, validation, limits.
void add_common_options(CLI::App& sub, RawOptions& raw, const char* sizes_default);

// The options of the groups `uses` names (window, root, reduction, tasks).
void add_pattern_options(CLI::App& sub, const UsesOptions& uses, RawOptions& raw);

}  // namespace mpibench
