// mpibench's entry point: the only place that catches errors, prints them and picks the
// exit code, so every failure reaches the user as one line and every rank exits alike.
#include <mpi.h>

#include <fmt/format.h>

#include <exception>

#include "bench/errors.hpp"
#include "bench/job.hpp"
#include "bench/mpi_check.hpp"
#include "bench/watchdog.hpp"
#include "cli/options.hpp"
#include "results/async_endings.hpp"

namespace {

int run(int argc, char** argv, int rank) {
  using namespace mpibench;
  const auto error = [rank](const std::exception& e) {
    if (rank == 0) fmt::print(stderr, "mpibench: error: {}\n", e.what());
  };
  try {
    const Command command = parse_command_line(argc, argv);
    switch (command.kind) {
      case Command::Kind::print:
        if (rank == 0) fmt::print("{}", command.text);
        return exit_ok;
      case Command::Kind::list:
        if (rank == 0) fmt::print("{}", pattern_list_text());
        return exit_ok;
      case Command::Kind::run:
        run_job(command.config);
        return exit_ok;
    }
  } catch (const UsageError& e) {  // the same on every rank: rank 0 speaks for all
    error(e);
    return exit_usage;
  } catch (const RunError& e) {
    error(e);
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
  // Threads the MPI library starts inherit this mask, so a stop signal always reaches the
  // main thread, and one that arrives during MPI_Init waits for the handlers below.
  mpibench::block_async_signals_in_new_threads();
  MPI_Init(&argc, &argv);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  mpibench::install_stop_handlers(rank == 0);
  mpibench::unblock_async_signals();
  const int code = run(argc, argv, rank);
  MPI_Finalize();
  return code;
}
