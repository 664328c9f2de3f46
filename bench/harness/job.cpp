#include "bench/harness/job.hpp"

#include <fmt/format.h>

#include "bench/harness/heartbeats.hpp"
#include "bench/harness/measure_stages.hpp"
#include "bench/harness/outputs_in_step.hpp"
#include "bench/harness/pattern_selection.hpp"
#include "bench/harness/placement.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "bench/harness/run_plan.hpp"
#include "bench/harness/run_clock.hpp"
#include "bench/harness/stages.hpp"
#include "bench/harness/watchdog.hpp"
#include "toolkit/errors.hpp"
#include "toolkit/mpi_check.hpp"
#include "toolkit/simulation.hpp"

namespace mpibench {
namespace {

// Ends the outputs whatever happened in the measured part, and turns a failure the ranks
// agreed on into the run's one error line.
void finish(Outputs& outputs, const std::optional<std::string>& failure, MPI_Comm world, int rank) {
  if (!failure) {
    write_in_step(world, rank, [&] { outputs.finish_complete(); });
    return;
  }
  outputs.finish_incomplete(*failure);
  // The error line adds what the output's reason leaves out: what to do, where the rows are.
  std::string line = *failure;
  if (line == time_limit_text()) line += fmt::format(" ({})", time_limit_advice());
  if (const std::string kept = outputs.kept_in(); !kept.empty()) {
    line += fmt::format("; the finished rows are kept in {}", kept);
  }
  throw RunError(line);
}

// The patterns rank 0 selected, on every rank (by their places in the catalog).
std::vector<const PatternDefinition*> told_definitions(MPI_Comm world, const std::vector<const PatternDefinition*>& selected) {
  std::vector<std::uint64_t> places;
  for (const PatternDefinition* definition : selected) places.push_back(catalog_index(definition));
  broadcast(world, places);
  std::vector<const PatternDefinition*> definitions;
  for (const std::uint64_t place : places) definitions.push_back(pattern_catalog()[place]);
  return definitions;
}

}  // namespace

ExitCode run_job(const RunConfig& config) {
  // A copy of the world, so that its error handler is the job's own. Not under simulation:
  // SMPI gives every rank its own table of a communicator's ranks, so each copy of the world
  // costs p × p entries (4 GB at 16 384 ranks), and there is no other user of the world.
  MPI_Comm world = MPI_COMM_WORLD;
  if constexpr (!simulated) mpi_check(MPI_Comm_dup(MPI_COMM_WORLD, &world));
  mpi_check(MPI_Comm_set_errhandler(world, MPI_ERRORS_RETURN));
  int rank = 0;
  int launched = 0;
  mpi_check(MPI_Comm_rank(world, &rank));
  mpi_check(MPI_Comm_size(world, &launched));

  // Checks, in the order that keeps a refused run from creating anything.
  RunSetting setting{world, rank, discover_placement(world), {}, {}, {}, 0};
  // Rank 0 alone knows every rank's host: it selects the patterns and plans the run.
  std::optional<RunPlan> plan;
  Selection selection;
  std::optional<std::string> refused;
  if (rank == 0) {
    try {
      selection = select_patterns(config, setting.placement.host_of_rank);
      plan.emplace(selection.definitions, config, setting.placement.host_of_rank);
    } catch (const UsageError& e) {
      refused = e.what();
    }
  }
  if (auto agreed = agree_on_problem(world, refused)) throw UsageError(*agreed);
  selection.definitions = told_definitions(world, selection.definitions);
  setting.clock = agreed_clock(world, rank);
  BufferProvider buffers;
  if (!config.validate) buffers.share_payloads();
  const RunPlan* planned = plan ? &*plan : nullptr;
  std::vector<Stage> stages = make_stages(planned, world, buffers, config);
  judge_busy_ranks(planned, world, setting.placement);
  check_sizes(stages, config, setting.placement, world);
  setting.clock_offsets = clock_offsets_text(config, world, setting.clock, rank);
  // Last check: from here on, the run has outputs that must be finished either way.
  Outputs outputs = open_outputs(config, world, rank);

  setting.configurations = count_configurations(stages, config, world);
  setting.limit = config.run_limit();
  outputs.set_async_reasons(stop_reasons(setting.limit));
  // Simulated ranks are one process with one set of handlers and globals: rank 0's.
  if (!simulated || rank == 0) {
    prepare_stop_messages(setting.limit, outputs.kept_in());
    constexpr double grace_s = 2.0;
    arm_run_limit(setting.limit, grace_s, setting.placement.node_peer_pids);
    forward_stops_to(setting.placement.rank0_pid_on_node);
  }
  start_heartbeats(world, setting.limit);

  MeasuredRun measured;
  try {
    measured = measure_stages(config, selection, planned, setting, stages, outputs);
  } catch (const RunError& e) {
    outputs.finish_incomplete(e.what());
    throw;
  } catch (const std::exception& e) {
    // A failure on this rank alone (an MPI error): main() aborts the job, but the outputs
    // first say why they end here.
    outputs.finish_incomplete(fmt::format("rank {}: {}", rank, e.what()));
    throw;
  }
  finish_heartbeats();
  free_stages(stages);
  finish(outputs, measured.failure, world, rank);
  // Every output is complete; the verdict, printed already, is what fails.
  return measured.verdict_failure ? exit_verdict_failed : exit_ok;
}

}  // namespace mpibench
