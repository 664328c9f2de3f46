#pragma once
// The subcommands that measure: a run of one pattern, and `all`. They share the common
// options (cli/option_groups) and turn what was parsed into the RunConfig of the job.
#include <span>
#include <string>

#include "cli/subcommand.hpp"

namespace mpibench {

// The run of `pattern`: its options, examples and help from its definition.
Subcommand pattern_run_command(const PatternDefinition& pattern);

// Declares a run's options on `sub`: the common ones, with `sizes_default`, and those the
// patterns declare. The finish makes the RunConfig of `patterns` (`all`: each pattern the
// launched ranks allow) and runs the job.
CommandFinish declare_run(CLI::App& sub, std::span<const PatternDefinition* const> patterns, bool all,
                          std::string_view sizes_default);

// What every run's --help ends with: when an output is complete, and the exit status.
std::string run_notes();

}  // namespace mpibench
