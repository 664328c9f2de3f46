// mpibench's entry point: the only place that catches errors, prints them and picks the
// exit code, so every failure reaches the user as one line and every rank exits alike.
// Subcommands that need no MPI (--help, --version, list, compare, model) never initialize it.
#include <mpi.h>

#include <fmt/format.h>

#include <exception>
#include <optional>
#include <string_view>

#include "toolkit/errors.hpp"
#include "toolkit/launcher.hpp"
#include "bench/harness/metadata.hpp"
#include "bench/harness/job.hpp"
#include "toolkit/mpi_check.hpp"
#include "toolkit/simulation.hpp"
#include "bench/harness/watchdog.hpp"
#include "cli/command_line.hpp"
#include "results/async_endings.hpp"

namespace {

using namespace mpibench;

// The one form of an error line.
void print_error(std::string_view what) { fmt::print(stderr, "mpibench: error: {}\n", what); }

// Under mpiexec -n N a command without MPI runs N times: launcher rank 0 speaks and acts,
// the others only exit.
int run_offline(const std::optional<ParsedCommand>& command, const std::optional<std::string>& usage) {
  if (this_launch().rank != 0) return usage ? exit_usage : exit_ok;
  if (usage) {
    print_error(*usage);
    return exit_usage;
  }
  return command->run();
}

int run(const std::optional<ParsedCommand>& command, const std::optional<std::string>& usage, int rank) {
  const auto error = [rank](const std::string& what) {
    if (rank == 0) print_error(what);
  };
  // Started by another MPI library's launcher, every process is rank 0 of a world of its own:
  // the launcher's rank 0 speaks for all.
  int world_size = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &world_size);
  const Launch launch = this_launch();
  if (auto mismatch = launch_mismatch(launch, world_size, library_version())) {
    if (launch.rank == 0) print_error(*mismatch);
    return exit_usage;
  }
  if (usage) {  // the same on every rank: rank 0 speaks for all
    error(*usage);
    return exit_usage;
  }
  try {
    return command->run();
  } catch (const UsageError& e) {
    error(e.what());
    return exit_usage;
  } catch (const RunError& e) {
    error(e.what());
    return exit_run_failed;
  } catch (const std::exception& e) {
    // An MPI failure or a bug on this rank alone: the others may be waiting for it in a
    // collective, so only aborting the job ends it.
    fmt::print(stderr, "mpibench: error: rank {}: {}\n", rank, e.what());
    MPI_Abort(MPI_COMM_WORLD, exit_run_failed);
  }
  return exit_run_failed;
}

}  // namespace

int main(int argc, char** argv) {
  // Parsing is deterministic: every rank reaches the same command or the same error.
  std::optional<ParsedCommand> command;
  std::optional<std::string> usage;
  try {
    command = parse_command_line(argc, argv);
  } catch (const UsageError& e) {
    usage = e.what();
  }
  if (command ? !command->needs_mpi : !command_needs_mpi(argc, argv)) return run_offline(command, usage);
  // Threads the MPI library starts inherit this mask, so a stop signal always reaches the
  // main thread, and one that arrives during MPI_Init waits for the handlers below.
  block_async_signals_in_new_threads();
  MPI_Init(&argc, &argv);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  // Simulated ranks share one process and its handlers: rank 0 installs them, and a signal
  // ends every simulated rank at once.
  if (!simulated || rank == 0) install_stop_handlers(rank == 0);
  unblock_async_signals();
  const int code = run(command, usage, rank);
  settle_exit_code(code);
  if (!simulated) bound_finalize(30);
  MPI_Finalize();
  return code;
}
