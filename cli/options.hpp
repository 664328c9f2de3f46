#pragma once
#include <string>

#include "bench/harness/run_config.hpp"
#include "cli/compare_command.hpp"
#include "cli/model_command.hpp"

namespace mpibench {

// What the command line asks for. Parsing is deterministic, so every rank reaches the same
// Command (or the same UsageError) without talking to the others.
struct Command {
  enum class Kind { run, list, print, compare, model };
  Kind kind = Kind::run;
  std::string text;  // Kind::print: --help or --version output
  RunConfig config;  // Kind::run
  CompareRequest compare;  // Kind::compare
  ModelRequest model;      // Kind::model
};

// Commands that work without MPI: they never initialize it (list, --help, --version, compare, model).
bool is_offline_command(int argc, const char* const* argv);

// Throws UsageError with a one-line message for anything it refuses.
Command parse_command_line(int argc, const char* const* argv);

// The `mpibench list` text: every pattern, its minimum ranks and what it measures.
std::string pattern_list_text();

}  // namespace mpibench
