#include "bench/harness/measure_stages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "bench/harness/metadata.hpp"
#include "bench/harness/outputs_in_step.hpp"
#include "bench/harness/progress.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "bench/harness/record_builder.hpp"
#include "bench/harness/repeat_summary.hpp"
#include "bench/harness/sweep.hpp"
#include "bench/harness/warnings.hpp"
#include "results/output_errors.hpp"

namespace mpibench {
namespace {

// What identifies a row across repeats: its configuration and size, as the schema says.
std::vector<std::string> repeat_key_columns(std::span<const Column> columns) {
  std::vector<std::string> keys;
  for (const Column& column : columns) {
    if (column.role == ColumnRole::configuration || column.role == ColumnRole::size) keys.emplace_back(column.name);
  }
  return keys;
}

}  // namespace

std::optional<std::string> measure_stages(const RunConfig& config, const Selection& selection,
                                          const RunSetting& setting, std::vector<Stage>& stages,
                                          Outputs& outputs) {
  const MPI_Comm world = setting.world;
  const int rank = setting.rank;
  const Placement& placement = setting.placement;
  const Clock& clock = setting.clock;
  std::optional<std::string> failure;
  if (rank == 0) {
    for (const std::string& note : selection.notes) fmt::print(stderr, "mpibench: note: {}\n", note);
    if (placement.oversubscribed) {
      fmt::print(stderr, "mpibench: warning: {}\n", warning_text(Warning::oversubscribed, placement));
    }
  }
  const auto columns = result_columns(selection.definitions);
  write_in_step(world, rank, [&] {
    Metadata metadata = collect_metadata(config, placement, clock);
    metadata.emplace_back("time_limit_s", fmt::format("{:g}", setting.time_limit_s));
    if (!setting.clock_offsets.empty()) metadata.emplace_back("clock_offsets_us", setting.clock_offsets);
    metadata.emplace_back("columns", columns_metadata(columns));
    outputs.begin(metadata, columns);
  });

  Progress progress(rank == 0 && !config.quiet, setting.configurations);
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
  if (failure) return failure;
  write_in_step(world, rank, [&] {
    for (const RepeatSpread& spread : repeat_spread(rows, repeat_key_columns(columns))) {
      outputs.note("repeat_spread", to_string(spread));
    }
  });
  return std::nullopt;
}

}  // namespace mpibench
