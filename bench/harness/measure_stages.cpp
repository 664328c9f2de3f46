#include "bench/harness/measure_stages.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>
#include <random>

#include "bench/harness/metadata.hpp"
#include "bench/harness/outputs_in_step.hpp"
#include "bench/harness/progress.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "bench/harness/record_builder.hpp"
#include "bench/harness/repeat_summary.hpp"
#include "bench/harness/sweep.hpp"
#include "bench/harness/warnings.hpp"
#include "bench/toolkit/mpi_check.hpp"
#include "results/output_errors.hpp"
#include "results/units.hpp"

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

// The leader's rows, sent to rank 0 and written there; a write failure comes back on rank 0.
std::optional<std::string> write_relayed(MPI_Comm world, int rank, int leader, const std::vector<Record>& held,
                                         const std::function<std::optional<std::string>(const Record&)>& emit) {
  constexpr int tag = 31;
  if (rank == leader) {
    const std::string text = encode_records(held);
    const auto length = static_cast<std::uint64_t>(text.size());
    mpi_check(MPI_Send(&length, 1, MPI_UINT64_T, 0, tag, world));
    mpi_check(MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, tag, world));
    return std::nullopt;
  }
  if (rank != 0) return std::nullopt;
  std::uint64_t length = 0;
  mpi_check(MPI_Recv(&length, 1, MPI_UINT64_T, leader, tag, world, MPI_STATUS_IGNORE));
  std::string text(static_cast<std::size_t>(length), '\0');
  mpi_check(MPI_Recv(text.data(), static_cast<int>(length), MPI_CHAR, leader, tag, world, MPI_STATUS_IGNORE));
  for (const Record& row : decode_records(text)) {
    if (auto problem = emit(row)) return problem;
  }
  return std::nullopt;
}

// The rows of `definition`'s pattern among the run's.
std::vector<Record> rows_of(const PatternDefinition& definition, const std::vector<Record>& rows) {
  std::vector<Record> own;
  for (const Record& row : rows) {
    const Cell* pattern = row.find("pattern");
    const auto* name = pattern ? std::get_if<std::string>(pattern) : nullptr;
    if (name && *name == definition.name) own.push_back(row);
  }
  return own;
}

// On rank 0: the stages that measured a row its pattern wants measured again (a row is a
// group's when it carries every cell the group sets), each once, in the run's order.
std::vector<std::uint64_t> stages_to_measure_again(const Selection& selection, const std::vector<Record>& rows,
                                                   const std::vector<Stage>& stages, const RunConfig& config) {
  std::vector<std::uint64_t> again;
  for (const PatternDefinition* definition : selection.definitions) {
    if (definition->measure_again == nullptr) continue;
    const std::vector<Record> own = rows_of(*definition, rows);
    std::vector<const Record*> suspects;
    for (const std::size_t i : definition->measure_again(own, config.pattern_options)) suspects.push_back(&own.at(i));
    const auto measured_by = [](const StageGroup& group, const Record& row) {
      return std::all_of(group.cells.cells().begin(), group.cells.cells().end(), [&](const auto& cell) {
        const Cell* found = row.find(cell.first);
        return found && *found == cell.second;
      });
    };
    for (std::size_t s = 0; s < stages.size(); ++s) {
      if (stages[s].owner != definition) continue;
      const bool suspect = std::any_of(suspects.begin(), suspects.end(), [&](const Record* row) {
        return std::any_of(stages[s].groups.begin(), stages[s].groups.end(),
                           [&](const StageGroup& group) { return measured_by(group, *row); });
      });
      if (suspect) again.push_back(s);
    }
  }
  return again;
}

// On rank 0: each verdict of the run's patterns on its own rows, printed and in the outputs;
// the first failure a verdict reports.
std::optional<std::string> write_verdicts(const Selection& selection, const std::vector<Record>& rows,
                                          const RunConfig& config, Outputs& outputs) {
  std::optional<std::string> failure;
  for (const PatternDefinition* definition : selection.definitions) {
    if (definition->verdict == nullptr) continue;
    const RowsVerdict verdict = definition->verdict(rows_of(*definition, rows), config.pattern_options);
    for (const std::string& line : verdict.lines) {
      fmt::print(stderr, "mpibench: verdict: {}\n", line);
      outputs.note("verdict", line);
    }
    if (verdict.failure && !failure) failure = verdict.failure;
  }
  return failure;
}

}  // namespace

MeasuredRun measure_stages(const RunConfig& config, const Selection& selection, const RunSetting& setting,
                           std::vector<Stage>& stages, Outputs& outputs) {
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
    metadata.emplace_back("time_limit_s", setting.time_limit_s ? fmt::format("{:g}", *setting.time_limit_s)
                                                               : std::string("none (simulated; --time-limit sets one)"));
    if (!setting.clock_offsets.empty()) metadata.emplace_back("clock_offsets_us", setting.clock_offsets);
    metadata.emplace_back("columns", columns_metadata(columns));
    outputs.begin(metadata, columns);
  });

  Progress progress(rank == 0 && !config.quiet, setting.configurations);
  // Rank 0 keeps the rows for the run-to-run summary and the patterns' verdicts.
  const bool keep_rows = config.repeat > 1 ||
                         std::any_of(selection.definitions.begin(), selection.definitions.end(), [](const PatternDefinition* d) {
                           return d->verdict != nullptr || d->measure_again != nullptr;
                         });
  std::vector<Record> rows;
  const auto emit = [&](const Record& record) -> std::optional<std::string> {
    try {
      outputs.row(record);
    } catch (const OutputFailed& e) {
      return e.what();
    }
    if (keep_rows) rows.push_back(record);
    return std::nullopt;
  };
  // One stage at `sizes`; `pass` 2 is a second look at it.
  const auto measure = [&](Stage& stage, const std::vector<std::uint64_t>& sizes, int repeat,
                           std::int64_t pass) -> std::optional<std::string> {
    std::vector<Record> held;  // on a group leader other than rank 0: rows for rank 0 to write
    std::optional<std::string> mine;
    if (stage.pattern) {
      const StageGroup& group = stage.groups[stage.my_group];
      const bool leader_is_0 = group.members.front() == 0;
      const auto stage_emit = [&](const Record& record) -> std::optional<std::string> {
        Record row = record;
        row.set("same_host", std::string(group.same_host ? "yes" : "no"));
        for (const auto& [column, cell] : group.cells.cells()) row.set(column, cell);
        if (pass > 1) row.set(std::string(pass_column.name), pass);
        if (leader_is_0) return emit(row);
        held.push_back(std::move(row));
        return std::nullopt;
      };
      const std::vector<std::uint64_t> own = stage.sizes.empty() ? sizes : stage.sizes;
      mine = run_sweep(*stage.definition, *stage.pattern, stage.comm, own, repeat, config, clock, stage_emit,
                       progress);
    } else if (rank == 0) {
      for (const std::uint64_t size : stage.sizes_to_measure(config)) {
        progress.step(fmt::format("{} {} (ranks {})", stage.definition->name, Bytes{size},
                                  fmt::join(stage.groups.front().members, ",")));
      }
    }
    // Ranks without a part in this stage sleep here rather than spin on the measured cores.
    quiet_barrier(world);
    std::optional<std::string> failed = agree_on_problem(world, mine);
    // Rows measured without rank 0 are written once the stage is done, failed or not.
    for (const StageGroup& group : stage.groups) {
      const int leader = group.members.front();
      if (leader == 0) continue;
      const auto unwritten = write_relayed(world, rank, leader, held, emit);
      if (const auto problem = agree_on_problem(world, unwritten); problem && !failed) failed = problem;
    }
    return failed;
  };
  std::mt19937_64 shuffle(config.seed);
  for (int repeat = 1; repeat <= config.repeat && !failure; ++repeat) {
    // Repeats measure the sizes in a new random order each time (the same on every rank:
    // same seed, same generator), so drift over the run (thermal, other load) spreads
    // over all sizes instead of biasing the last ones.
    std::vector<std::uint64_t> sizes = config.sizes;
    if (config.repeat > 1) std::shuffle(sizes.begin(), sizes.end(), shuffle);
    for (Stage& stage : stages) {
      failure = measure(stage, sizes, repeat, 1);
      if (failure) break;
    }
  }
  if (failure) return {failure, std::nullopt};
  const std::size_t swept = rows.size();  // the rows of the repeats; second looks follow
  std::vector<std::uint64_t> again;
  if (rank == 0) again = stages_to_measure_again(selection, rows, stages, config);
  broadcast(world, again);
  for (const std::uint64_t s : again) progress.extend(stages[s].sizes_to_measure(config).size());
  for (const std::uint64_t s : again) {
    if (auto problem = measure(stages[s], config.sizes, config.repeat, 2)) return {problem, std::nullopt};
  }
  std::optional<std::string> verdict_failure;
  write_in_step(world, rank, [&] {
    if (config.repeat > 1) {
      const std::vector<Record> repeats(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(swept));
      for (const RepeatSpread& spread : repeat_spread(repeats, repeat_key_columns(columns))) {
        outputs.note("repeat_spread", to_string(spread));
      }
    }
    verdict_failure = write_verdicts(selection, rows, config, outputs);
  });
  return {std::nullopt, agree_on_problem(world, verdict_failure)};
}

}  // namespace mpibench
