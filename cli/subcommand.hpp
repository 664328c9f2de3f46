#pragma once
// A subcommand of mpibench: everything the parsing, the dispatch, --help and the manual pages
// know of it. Each is declared in one file (cli/NAME_command.cpp; a pattern's run from its
// definition) and listed once (cli/commands.def; patterns/catalog.def).
#include "cli/cli11.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "patterns/definition.hpp"

namespace mpibench {

// What a parsed subcommand runs; returns the exit code.
using CommandRun = std::function<int()>;

// Called once the command line is parsed, with the command line as typed (quoted as a shell
// reads it): checks and converts what CLI11 filled, throwing UsageError for what it refuses,
// and returns what to run.
using CommandFinish = std::function<CommandRun(const std::string& command_line)>;

// A command line in its --help, and what it shows.
struct CommandExample {
  std::string command;
  std::string what;
};

struct Subcommand {
  std::string_view name;
  std::string_view summary;       // one line: `mpibench --help`, the manual page's NAME
  std::string description;        // the opening of its --help; the summary when empty
  std::vector<CommandExample> examples;  // its --help's Examples
  std::string notes;              // after the examples (outputs, exit status)
  std::string_view guide;         // its page under docs/ ("ci.md"), for more than --help says
  bool needs_mpi = false;         // runs under mpiexec and initializes MPI
  // Declares its options on `sub`, bound to state that the returned function owns.
  std::function<CommandFinish(CLI::App& sub)> declare;
};

// Every subcommand, in --help's order: a run per pattern (patterns/catalog.def), then
// cli/commands.def's.
const std::vector<Subcommand>& subcommands();

// The subcommand called `name`, or nullptr.
const Subcommand* find_subcommand(std::string_view name);

// The examples of `mpibench --help`: one or two of each use.
std::vector<CommandExample> top_examples();

// The subcommands listed in cli/commands.def, each defined in cli/NAME_command.cpp.
#define MPIBENCH_COMMAND(name) Subcommand name##_command();
#include "cli/commands.def"
#undef MPIBENCH_COMMAND

}  // namespace mpibench
