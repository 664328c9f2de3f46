#include "bench/job.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <random>

#include "bench/clock_sync.hpp"
#include "bench/errors.hpp"
#include "bench/memory_check.hpp"
#include "bench/metadata.hpp"
#include "bench/mpi_check.hpp"
#include "bench/placement.hpp"
#include "bench/rank_exchange.hpp"
#include "bench/repeat_summary.hpp"
#include "bench/record_builder.hpp"
#include "bench/sweep.hpp"
#include "bench/warnings.hpp"
#include "bench/watchdog.hpp"
#include "results/benchmark_json_writer.hpp"
#include "results/csv_writer.hpp"
#include "results/output_file.hpp"
#include "results/table_writer.hpp"
#include "results/units.hpp"

namespace mpibench {
namespace {

// One pattern of the run and, on the ranks that take part, its communicator and instance.
struct Stage {
  const PatternEntry* entry = nullptr;
  MPI_Comm comm = MPI_COMM_NULL;
  std::unique_ptr<Pattern> pattern;
};

// The patterns to run. For `all`, the ones the launched ranks cannot run are left out,
// with a note to print once the run is known to start (a run refused for bad input must
// print its one error line and nothing else).
struct Selection {
  std::vector<const PatternEntry*> entries;
  std::vector<std::string> notes;
};

Selection select_patterns(const RunConfig& config, int launched) {
  Selection selection;
  for (const std::string& name : config.patterns) {
    const PatternEntry* entry = find_pattern(name);
    if (entry == nullptr) throw UsageError(fmt::format("unknown pattern '{}'", name));
    std::optional<std::string> cannot;
    if (launched < entry->min_ranks) {
      cannot = fmt::format(
          "{} needs at least {} ranks, but {} {} launched (run it as: mpiexec -n {} mpibench {})",
          entry->name, entry->min_ranks, launched, launched == 1 ? "was" : "were",
          entry->min_ranks, entry->name);
    } else if (entry->check != nullptr) {
      cannot = entry->check(config.pattern_options, launched);
    }
    if (cannot) {
      if (!config.skip_patterns_needing_more_ranks) throw UsageError(*cannot);
      selection.notes.push_back(fmt::format("skipping {}: {}", entry->name, *cannot));
      continue;
    }
    const int ranks = entry->ranks_used(launched);
    if (entry->options.root && config.pattern_options.root >= ranks) {
      throw UsageError(fmt::format("--root {} is out of range: {} runs on {} ranks (roots 0 to {})",
                                   config.pattern_options.root, entry->name, ranks, ranks - 1));
    }
    selection.entries.push_back(entry);
  }
  if (selection.entries.empty()) {
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

std::vector<Stage> make_stages(const std::vector<const PatternEntry*>& entries, MPI_Comm world,
                               BufferProvider& buffers, const PatternOptions& options) {
  int rank = 0;
  int launched = 0;
  mpi_check(MPI_Comm_rank(world, &rank));
  mpi_check(MPI_Comm_size(world, &launched));
  std::vector<Stage> stages;
  for (const PatternEntry* entry : entries) {
    Stage stage{entry, MPI_COMM_NULL, nullptr};
    const bool member = rank < entry->ranks_used(launched);
    mpi_check(MPI_Comm_split(world, member ? 0 : MPI_UNDEFINED, rank, &stage.comm));
    if (member) {
      mpi_check(MPI_Comm_set_errhandler(stage.comm, MPI_ERRORS_RETURN));
      stage.pattern = entry->make(PatternContext{stage.comm, buffers, options});
    }
    stages.push_back(std::move(stage));
  }
  return stages;
}

void check_memory(const std::vector<Stage>& stages, const RunConfig& config,
                  const Placement& placement, MPI_Comm world) {
  std::uint64_t mine = 0;
  std::uint64_t largest = 0;
  std::string_view heaviest;
  for (const Stage& stage : stages) {
    if (!stage.pattern) continue;
    for (const std::uint64_t requested : config.sizes) {
      const auto bytes = stage.pattern->effective_bytes(requested);
      if (!bytes) continue;
      const std::uint64_t need = stage.pattern->buffer_bytes(*bytes);
      if (need > mine) {
        mine = need;
        largest = *bytes;
        heaviest = stage.entry->name;
      }
    }
  }
  std::optional<std::string> problem;
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

// The output files (rank 0 writes them all) and the writers. Opening them is the last
// check before a run: if one cannot be opened, none is left behind.
struct Outputs {
  FilePtr csv;
  FilePtr json;
  std::vector<std::unique_ptr<Writer>> writers;
};

Outputs open_outputs(const RunConfig& config, MPI_Comm world) {
  int rank = 0;
  mpi_check(MPI_Comm_rank(world, &rank));
  Outputs outputs;
  std::optional<std::string> problem;
  if (rank == 0) {
    try {
      if (config.output_csv) outputs.csv = open_output_file(*config.output_csv);
      if (config.output_json) outputs.json = open_output_file(*config.output_json);
    } catch (const UsageError& e) {
      problem = e.what();
      if (outputs.csv) {
        outputs.csv.reset();
        std::remove(config.output_csv->c_str());
      }
    }
  }
  if (auto agreed = agree_on_problem(world, problem)) throw UsageError(*agreed);
  if (rank != 0) return outputs;
  if (!config.quiet) outputs.writers.push_back(std::make_unique<TableWriter>(stdout));
  if (outputs.csv) outputs.writers.push_back(std::make_unique<CsvWriter>(outputs.csv.get()));
  if (outputs.json) outputs.writers.push_back(std::make_unique<BenchmarkJsonWriter>(outputs.json.get()));
  return outputs;
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

// What identifies a configuration across repeats: everything but the measurements.
std::vector<std::string> repeat_key_columns(const std::vector<const PatternEntry*>& entries) {
  std::vector<std::string> keys{"pattern", "ranks", "bytes"};
  for (const PatternEntry* entry : entries) {
    for (const auto column : entry->variant_columns) {
      if (std::find(keys.begin(), keys.end(), column) == keys.end()) keys.emplace_back(column);
    }
  }
  return keys;
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
  const auto& entries = selection.entries;
  const Placement placement = discover_placement(world);
  const Clock clock = agreed_clock(world, rank);
  BufferProvider buffers;
  std::vector<Stage> stages = make_stages(entries, world, buffers, config.pattern_options);
  check_memory(stages, config, placement, world);
  const std::string clock_offsets = describe_clock_offsets(config, world, clock, rank);

  // Last check: from here on, the run has an output that must be finished either way.
  Outputs outputs = open_outputs(config, world);
  auto& writers = outputs.writers;
  // Rank 0 takes part in every pattern, so it knows every variant: its count is the run's.
  std::size_t configurations = 0;
  for (const Stage& stage : stages) {
    configurations += config.sizes.size() * (stage.pattern ? stage.pattern->variant_count() : 1);
  }
  configurations *= static_cast<std::size_t>(config.repeat);
  broadcast(world, configurations);
  const double time_limit = config.effective_time_limit_s(configurations);
  // Rank 0 goes first, so its error line and the CSV's last line are written before
  // mpiexec tears the job down; the other ranks follow only if it somehow could not.
  constexpr double grace_s = 2.0;
  arm_watchdog(rank == 0 ? time_limit : time_limit + grace_s, rank == 0,
               outputs.csv ? fileno(outputs.csv.get()) : -1);
  if (rank == 0) {
    for (const std::string& note : selection.notes) fmt::print(stderr, "mpibench: note: {}\n", note);
    if (placement.oversubscribed) {
      fmt::print(stderr, "mpibench: warning: {}\n", warning_text(Warning::oversubscribed, placement));
    }
    Metadata metadata = collect_metadata(config, placement, clock);
    metadata.emplace_back("time_limit_s", fmt::format("{:g}", time_limit));
    if (!clock_offsets.empty()) metadata.emplace_back("clock_offsets_us", clock_offsets);
    const auto columns = result_columns(entries);
    for (auto& writer : writers) writer->begin(metadata, columns);
  }
  const auto emit = [&](const Record& record) {
    for (auto& writer : writers) writer->row(record);
  };

  Progress progress(rank == 0 && !config.quiet, configurations);
  std::optional<std::string> failure;
  std::vector<Record> rows;  // rank 0, for the run-to-run summary
  std::mt19937_64 shuffle(config.seed);
  try {
    for (int repeat = 1; repeat <= config.repeat && !failure; ++repeat) {
      // Repeats measure the sizes in a new random order each time (the same on every rank:
      // same seed, same generator), so drift over the run (thermal, other load) spreads
      // over all sizes instead of biasing the last ones.
      std::vector<std::uint64_t> sizes = config.sizes;
      if (config.repeat > 1) std::shuffle(sizes.begin(), sizes.end(), shuffle);
      for (Stage& stage : stages) {
        std::optional<std::string> mine;
        if (stage.pattern) {
          mine = run_sweep(*stage.entry, *stage.pattern, stage.comm, sizes, repeat, config, clock,
                           [&](const Record& record) {
                             emit(record);
                             if (config.repeat > 1) rows.push_back(record);
                           },
                           progress);
        }
        // Ranks without a part in this pattern sleep here rather than spin on the measured cores.
        quiet_barrier(world);
        failure = agree_on_problem(world, mine);
        if (failure) break;
      }
    }
  } catch (const std::exception& e) {
    // A failure on this rank alone (an MPI error): main() aborts the job, but the output
    // first says why it ends here.
    watchdog_forget_csv();
    for (auto& writer : writers) writer->finish(fmt::format("rank {}: {}", rank, e.what()));
    throw;
  }
  for (const RepeatSpread& spread : repeat_spread(rows, repeat_key_columns(entries))) {
    for (auto& writer : writers) writer->note("repeat_spread", to_string(spread));
  }
  watchdog_forget_csv();
  for (auto& writer : writers) {
    writer->finish(failure ? std::optional<std::string_view>(*failure) : std::nullopt);
  }
  for (Stage& stage : stages) {
    if (stage.comm != MPI_COMM_NULL) MPI_Comm_free(&stage.comm);
  }
  if (failure) throw RunError(*failure);
}

}  // namespace mpibench
