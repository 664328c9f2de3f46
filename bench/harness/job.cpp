#include "bench/harness/job.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <random>

#include "bench/harness/clock_sync.hpp"
#include "bench/toolkit/errors.hpp"
#include "bench/harness/memory_check.hpp"
#include "bench/harness/metadata.hpp"
#include "bench/toolkit/mpi_check.hpp"
#include "bench/harness/placement.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "bench/harness/repeat_summary.hpp"
#include "bench/harness/record_builder.hpp"
#include "bench/harness/sweep.hpp"
#include "bench/harness/warnings.hpp"
#include "bench/harness/watchdog.hpp"
#include "results/output_errors.hpp"
#include "results/outputs.hpp"
#include "results/units.hpp"

namespace mpibench {
namespace {

// One pattern of the run and, on the ranks that take part, its communicator and instance.
struct Stage {
  const PatternDefinition* definition = nullptr;
  MPI_Comm comm = MPI_COMM_NULL;
  std::unique_ptr<Pattern> pattern;
};

// The patterns to run. For `all`, the ones the launched ranks cannot run are left out,
// with a note to print once the run is known to start (a run refused for bad input must
// print its one error line and nothing else).
struct Selection {
  std::vector<const PatternDefinition*> definitions;
  std::vector<std::string> notes;
};

Selection select_patterns(const RunConfig& config, int launched) {
  Selection selection;
  for (const std::string& name : config.patterns) {
    const PatternDefinition* definition = find_pattern(name);
    if (definition == nullptr) throw UsageError(fmt::format("unknown pattern '{}'", name));
    std::optional<std::string> cannot;
    if (launched < definition->min_ranks) {
      cannot = fmt::format(
          "{} needs at least {} ranks, but {} {} launched (run it as: mpiexec -n {} mpibench {})",
          definition->name, definition->min_ranks, launched, launched == 1 ? "was" : "were",
          definition->min_ranks, definition->name);
    } else if (definition->check != nullptr) {
      cannot = definition->check(config.pattern_options, launched);
    }
    if (cannot) {
      if (!config.skip_patterns_needing_more_ranks) throw UsageError(*cannot);
      selection.notes.push_back(fmt::format("skipping {}: {}", definition->name, *cannot));
      continue;
    }
    // An option that names a rank must name one of the pattern's: a mistake under `all` too.
    const int ranks = definition->ranks_used(launched);
    for (const PatternOption* option : definition->options) {
      if (!option->is_rank) continue;
      const std::int64_t value = config.pattern_options.integer(*option);
      if (value >= ranks) {
        throw UsageError(fmt::format("--{} {} is out of range: {} runs on {} ranks ({}s 0 to {})",
                                     option->name(), value, definition->name, ranks, option->name(),
                                     ranks - 1));
      }
    }
    selection.definitions.push_back(definition);
  }
  if (selection.definitions.empty()) {
    throw UsageError(fmt::format("no pattern can run on {} rank{}: every pattern needs at least 2 "
                                 "(run under mpiexec -n 2 or more)",
                                 launched, launched == 1 ? "" : "s"));
  }
  return selection;
}

// The same clock on every rank: rank 0 compares the candidates, the others measure its choice.
Clock agreed_clock(MPI_Comm world, int rank) {
  Clock clock;
  if (rank == 0) clock = choose_clock();
  ClockKind kind = clock.kind;
  broadcast(world, kind);
  return rank == 0 ? clock : measure_clock(kind);
}

std::vector<Stage> make_stages(const std::vector<const PatternDefinition*>& definitions,
                               MPI_Comm world, BufferProvider& buffers, const RunConfig& config) {
  int rank = 0;
  int launched = 0;
  mpi_check(MPI_Comm_rank(world, &rank));
  mpi_check(MPI_Comm_size(world, &launched));
  std::vector<Stage> stages;
  for (const PatternDefinition* definition : definitions) {
    Stage stage{definition, MPI_COMM_NULL, nullptr};
    const bool member = rank < definition->ranks_used(launched);
    mpi_check(MPI_Comm_split(world, member ? 0 : MPI_UNDEFINED, rank, &stage.comm));
    if (member) {
      mpi_check(MPI_Comm_set_errhandler(stage.comm, MPI_ERRORS_RETURN));
      stage.pattern = definition->make(
          PatternContext{stage.comm, buffers, config.pattern_options, config.corrupt_payload});
    }
    stages.push_back(std::move(stage));
  }
  return stages;
}

// The sizes every rank can run: MPI's int counts carry every call, something is measured
// at all, and the buffers fit in the node's memory.
void check_sizes(const std::vector<Stage>& stages, const RunConfig& config,
                 const Placement& placement, MPI_Comm world) {
  std::uint64_t mine = 0;
  std::uint64_t largest = 0;
  std::string_view heaviest;
  std::optional<std::string> problem;
  bool measures_something = false;
  for (const Stage& stage : stages) {
    if (!stage.pattern) continue;
    for (const std::uint64_t requested : stage.definition->sizes_to_measure(config.sizes)) {
      const auto bytes = stage.pattern->effective_bytes(requested);
      if (!bytes) continue;
      measures_something = true;
      const std::uint64_t call = stage.pattern->largest_call_bytes(*bytes);
      if (call > std::numeric_limits<int>::max() && !problem) {
        problem = fmt::format(
            "{} at {} moves {} in one MPI call ({} ranks x {}), more than MPI's int counts "
            "carry (2 GiB - 1); use smaller --sizes or fewer ranks",
            stage.definition->name, Bytes{*bytes}, approximate(Bytes{call}), call / *bytes, Bytes{*bytes});
      }
      const std::uint64_t need = stage.pattern->buffer_bytes(*bytes);
      if (need > mine) {
        mine = need;
        largest = *bytes;
        heaviest = stage.definition->name;
      }
    }
  }
  // Rank 0 takes part in every pattern, so it alone knows whether any size is left.
  if (!problem && !measures_something && !stages.empty() && stages.front().pattern) {
    problem = "every size would be skipped: each is below one element of --type; use larger --sizes";
  }
  if (auto agreed = agree_on_problem(world, problem)) throw UsageError(*agreed);
  if (const auto shortfall =
          check_node_memory(placement.node_comm, mine, config.memory_limit_bytes)) {
    problem = fmt::format(
        "not enough memory: at {} {} needs {} of buffers on this node ({} ranks; the most on "
        "one rank: {}), but {} {}; use smaller --sizes",
        Bytes{largest}, heaviest, approximate(Bytes{shortfall->needed_bytes}),
        placement.ranks_on_my_node, approximate(Bytes{shortfall->largest_rank_bytes}),
        shortfall->limited_by_option ? "--memory-limit allows" : "the node has only",
        approximate(Bytes{shortfall->available_bytes}));
  }
  if (auto agreed = agree_on_problem(world, problem)) throw UsageError(*agreed);
}

// Rank 0 writes every output. Opening them is the last check before a run: if one cannot
// be opened, nothing is created or deleted.
Outputs open_outputs(const RunConfig& config, MPI_Comm world, int rank) {
  Outputs outputs;
  std::optional<std::string> problem;
  if (rank == 0) {
    try {
      outputs = Outputs::open({config.output_csv, config.output_json, !config.quiet});
    } catch (const OutputRefused& e) {
      problem = e.what();
    }
  }
  if (auto agreed = agree_on_problem(world, problem)) throw UsageError(*agreed);
  return outputs;
}

// Runs `write` on rank 0 and makes a write failure every rank's RunError.
void write_in_step(MPI_Comm world, int rank, const std::function<void()>& write) {
  std::optional<std::string> failed;
  if (rank == 0) {
    try {
      write();
    } catch (const OutputFailed& e) {
      failed = e.what();
    }
  }
  if (auto agreed = agree_on_problem(world, failed)) throw RunError(*agreed);
}

// With --sync window: each rank's clock offset against rank 0 and their spread, measured on
// all launched ranks once at start (each pattern refits its own before every size).
std::string describe_clock_offsets(const RunConfig& config, MPI_Comm world, const Clock& clock, int rank) {
  if (config.sync != SyncMethod::window) return {};
  ClockSync sync(world, clock);
  sync.refresh();
  if (rank != 0) return {};
  const auto offsets = sync.offsets_at(clock.now());
  const auto [low, high] = std::minmax_element(offsets.begin(), offsets.end());
  std::string text = fmt::format("spread {:.3f};", (*high - *low) * 1e6);
  for (std::size_t r = 1; r < offsets.size(); ++r) text += fmt::format(" {}:{:+.3f}", r, offsets[r] * 1e6);
  return text;
}

// What identifies a row across repeats: its configuration and size, as the schema says.
std::vector<std::string> repeat_key_columns(std::span<const Column> columns) {
  std::vector<std::string> keys;
  for (const Column& column : columns) {
    if (column.role == ColumnRole::configuration || column.role == ColumnRole::size) keys.emplace_back(column.name);
  }
  return keys;
}

// The measured part of a run: metadata, every pattern's sweep (repeated as asked), the
// run-to-run summary. A failure all ranks agree on comes back in `failure`.
void run_stages(const RunConfig& config, const Selection& selection, const Placement& placement,
                const Clock& clock, const std::string& clock_offsets, double time_limit,
                std::size_t configurations, std::vector<Stage>& stages, MPI_Comm world, int rank,
                Outputs& outputs, std::optional<std::string>& failure) {
  if (rank == 0) {
    for (const std::string& note : selection.notes) fmt::print(stderr, "mpibench: note: {}\n", note);
    if (placement.oversubscribed) {
      fmt::print(stderr, "mpibench: warning: {}\n", warning_text(Warning::oversubscribed, placement));
    }
  }
  const auto columns = result_columns(selection.definitions);
  write_in_step(world, rank, [&] {
    Metadata metadata = collect_metadata(config, placement, clock);
    metadata.emplace_back("time_limit_s", fmt::format("{:g}", time_limit));
    if (!clock_offsets.empty()) metadata.emplace_back("clock_offsets_us", clock_offsets);
    metadata.emplace_back("columns", describe_columns(columns));
    outputs.begin(metadata, columns);
  });

  Progress progress(rank == 0 && !config.quiet, configurations);
  std::vector<Record> rows;  // rank 0, for the run-to-run summary
  const auto emit = [&](const Record& record) -> std::optional<std::string> {
    try {
      outputs.row(record);
    } catch (const OutputFailed& e) {
      return e.what();
    }
    if (config.repeat > 1) rows.push_back(record);
    return std::nullopt;
  };
  std::mt19937_64 shuffle(config.seed);
  for (int repeat = 1; repeat <= config.repeat && !failure; ++repeat) {
    // Repeats measure the sizes in a new random order each time (the same on every rank:
    // same seed, same generator), so drift over the run (thermal, other load) spreads
    // over all sizes instead of biasing the last ones.
    std::vector<std::uint64_t> sizes = config.sizes;
    if (config.repeat > 1) std::shuffle(sizes.begin(), sizes.end(), shuffle);
    for (Stage& stage : stages) {
      std::optional<std::string> mine;
      if (stage.pattern) {
        mine = run_sweep(*stage.definition, *stage.pattern, stage.comm, sizes, repeat, config, clock, emit,
                         progress);
      }
      // Ranks without a part in this pattern sleep here rather than spin on the measured cores.
      quiet_barrier(world);
      failure = agree_on_problem(world, mine);
      if (failure) break;
    }
  }
  if (failure) return;
  write_in_step(world, rank, [&] {
    for (const RepeatSpread& spread : repeat_spread(rows, repeat_key_columns(columns))) {
      outputs.note("repeat_spread", to_string(spread));
    }
  });
}

}  // namespace

void run_job(const RunConfig& config) {
  MPI_Comm world = MPI_COMM_NULL;
  mpi_check(MPI_Comm_dup(MPI_COMM_WORLD, &world));
  mpi_check(MPI_Comm_set_errhandler(world, MPI_ERRORS_RETURN));
  int rank = 0;
  int launched = 0;
  mpi_check(MPI_Comm_rank(world, &rank));
  mpi_check(MPI_Comm_size(world, &launched));

  const Selection selection = select_patterns(config, launched);
  const Placement placement = discover_placement(world);
  const Clock clock = agreed_clock(world, rank);
  BufferProvider buffers;
  std::vector<Stage> stages = make_stages(selection.definitions, world, buffers, config);
  check_sizes(stages, config, placement, world);
  const std::string clock_offsets = describe_clock_offsets(config, world, clock, rank);

  // Last check: from here on, the run has outputs that must be finished either way.
  Outputs outputs = open_outputs(config, world, rank);
  // Rank 0 takes part in every pattern, so it knows every variant: its count is the run's.
  std::size_t configurations = 0;
  for (const Stage& stage : stages) {
    configurations += stage.definition->sizes_to_measure(config.sizes).size() *
                      (stage.pattern ? stage.pattern->variant_count() : 1);
  }
  configurations *= static_cast<std::size_t>(config.repeat);
  broadcast(world, configurations);
  const double time_limit = config.effective_time_limit_s(configurations);
  outputs.set_async_reasons(stop_reasons(time_limit));
  describe_kept_results(time_limit, outputs.kept_in());
  constexpr double grace_s = 2.0;
  arm_time_limit(time_limit, grace_s, placement.node_peer_pids);
  forward_stops_to(placement.rank0_pid_on_node);
  std::optional<std::string> failure;
  try {
    run_stages(config, selection, placement, clock, clock_offsets, time_limit, configurations,
               stages, world, rank, outputs, failure);
  } catch (const RunError& e) {
    outputs.finish_incomplete(e.what());
    throw;
  } catch (const std::exception& e) {
    // A failure on this rank alone (an MPI error): main() aborts the job, but the outputs
    // first say why they end here.
    outputs.finish_incomplete(fmt::format("rank {}: {}", rank, e.what()));
    throw;
  }
  if (failure) {
    outputs.finish_incomplete(*failure);
  } else {
    write_in_step(world, rank, [&] { outputs.finish_complete(); });
  }
  for (Stage& stage : stages) {
    if (stage.comm != MPI_COMM_NULL) MPI_Comm_free(&stage.comm);
  }
  if (failure) {
    // The error line adds what the output's reason leaves out: what to do, where the rows are.
    std::string line = *failure;
    if (line == time_limit_text()) line += fmt::format(" ({})", time_limit_advice);
    if (const std::string kept = outputs.kept_in(); !kept.empty()) {
      line += fmt::format("; the finished rows are kept in {}", kept);
    }
    throw RunError(line);
  }
}

}  // namespace mpibench
