#pragma once
// The command line's options: the common group every subcommand gets, and the options each
// pattern declares in its definition, turned into CLI11 options with their help and checks.
#include "cli/cli11.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <map>
#include <span>
#include <string>

#include "bench/harness/run_config.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {

// What CLI11 fills: plain settings straight into a RunConfig (so its defaults are the
// only ones), the rest as text or optionals that parse_command_line() turns into settings.
struct RawOptions {
  RunConfig config;
  std::string sizes;  // empty: the pattern's default
  std::string osu_sizes;  // -m, as OSU: MAX or MIN:MAX
  std::map<std::string, std::string, std::less<>> output_paths;  // by format option ("-o")
  std::optional<std::size_t> samples;
  std::string precision;  // empty: RunConfig's
  std::string sync;       // empty: RunConfig's
  std::optional<std::int64_t> warmup_ops;
  std::optional<double> time_limit_s;
  std::string memory_limit;
  // The patterns' declared options, by name, each holding its default until parsed.
  std::map<std::string, OptionValue, std::less<>> pattern_values;
};

// An option per file format (results/output_formats), each filling paths[its option]; the
// help is the format's own, or, given `what_is_written` ("the verdicts"), a short one.
void add_output_options(CLI::App& sub, std::map<std::string, std::string, std::less<>>& paths,
                        const char* what_is_written);
// The files asked for, in the formats' order.
std::vector<OutputFile> output_files(const std::map<std::string, std::string, std::less<>>& paths);

// The check of every option read as a real number: finite, and from `min` (or above it, when
// excluded) to `max`.
CLI::Validator number_in(double min, double max = std::numeric_limits<double>::infinity(),
                         bool min_excluded = false);

// A fraction as --precision shows it: "1%".
std::string percent(double fraction);

// Sizes, output, stop rule, warm-up, synchronization, repeats, validation, limits.
void add_common_options(CLI::App& sub, RawOptions& raw, std::string_view sizes_default);

// The options `options` declare, each read into raw.pattern_values.
void add_pattern_options(CLI::App& sub, std::span<const PatternOption* const> options, RawOptions& raw);

}  // namespace mpibench
