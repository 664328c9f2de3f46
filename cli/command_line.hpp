#pragma once
// argv → the subcommand to run, from the table of subcommands (cli/subcommand.hpp). Parsing
// is deterministic, so every rank reaches the same command, or the same UsageError, without
// talking to the others.
#include "cli/subcommand.hpp"

namespace mpibench {

struct ParsedCommand {
  bool needs_mpi = false;  // a run: initialize MPI first
  CommandRun run;          // a run, another subcommand, or printing --help or --version
};

// Throws UsageError with a one-line message for anything it refuses.
ParsedCommand parse_command_line(int argc, const char* const* argv);

// Whether MPI is initialized for this command line, refused or not: every run, and any
// command line that names no subcommand known to run without it (rank 0 then speaks for all).
bool command_needs_mpi(int argc, const char* const* argv);

}  // namespace mpibench
