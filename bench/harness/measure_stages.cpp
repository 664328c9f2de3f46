#include "bench/harness/measure_stages.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>


#include "bench/harness/busy_node.hpp"
#include "bench/harness/heartbeats.hpp"
#include "bench/harness/metadata.hpp"
#include "bench/harness/outputs_in_step.hpp"
#include "bench/harness/progress.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "bench/harness/record_builder.hpp"
#include "bench/harness/relayed_rows.hpp"
#include "bench/harness/short_sizes.hpp"
#include "bench/harness/sweep.hpp"
#include "bench/harness/warnings.hpp"
#include "toolkit/mpi_check.hpp"
#include "toolkit/simulation.hpp"
#include "results/output_errors.hpp"
#include "results/repeat_aggregates.hpp"
#include "results/units.hpp"

namespace mpibench {
namespace {

// On rank 0: each verdict of the run's patterns on its own rows, printed and in the outputs;
// the first failure a verdict reports.
std::optional<std::string> write_verdicts(const Selection& selection, const RunPlan& plan, const StepRows& rows,
                                          const RunConfig& config, Outputs& outputs) {
  std::optional<std::string> failure;
  for (const PatternDefinition* definition : selection.definitions) {
    if (definition->verdict == nullptr) continue;
    const RowsVerdict verdict = definition->verdict(plan.steps_run(*definition, rows), config.pattern_options);
    for (const std::string& line : verdict.lines) {
      fmt::print(stderr, "mpibench: verdict: {}\n", line);
      outputs.note("verdict", line);
    }
    if (verdict.failure && !failure) failure = verdict.failure;
  }
  return failure;
}

}  // namespace

MeasuredRun measure_stages(const RunConfig& config, const Selection& selection, const RunPlan* plan,
                           const RunSetting& setting,
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
    metadata.emplace_back("time_limit_s", limit_metadata(setting.limit));
    if (!setting.clock_offsets.empty()) metadata.emplace_back("clock_offsets_us", setting.clock_offsets);
    metadata.emplace_back("columns", columns_metadata(columns));
    outputs.begin(metadata, columns);
  });

  Progress progress(rank == 0 && !config.quiet, setting.configurations);
  // Simulated ranks share one real machine that says nothing of the simulated one.
  std::optional<LoadProbe> load_probe;
  if constexpr (!simulated) load_probe.emplace();
  // Rank 0 keeps the rows of the repeats for their aggregates, and the figures of the steps'
  // rows for the second looks and the verdicts.
  std::vector<Record> repeats;
  StepRows step_rows;
  ShortSizes short_sizes;
  // Row `row` of stage `s`'s group `group`, with the plan's context.
  const auto emit = [&](BuiltRow row, std::size_t s, std::size_t group, int repeat,
                        std::int64_t pass) -> std::optional<std::string> {
    plan->add_row_context(row.record, s, group, repeat, pass);
    try {
      outputs.row(row.record);
    } catch (const OutputFailed& e) {
      return e.what();
    }
    if (config.repeat > 1 && pass == 1) repeats.push_back(row.record);
    short_sizes.add(row.record);
    plan->keep_step_row(step_rows, s, group, repeat, pass, row.figures);
    return std::nullopt;
  };
  // Stage `s` in repeat `repeat`; `pass` 2 is a second look at it.
  const auto measure = [&](std::size_t s, int repeat, std::int64_t pass) -> std::optional<std::string> {
    Stage& stage = stages[s];
    std::vector<std::uint64_t> sizes;
    if (rank == 0) sizes = plan->sizes(s, repeat);
    broadcast(world, sizes);
    std::vector<BuiltRow> held;  // on a group leader other than rank 0: rows for rank 0 to write
    std::optional<std::string> mine;
    if (stage.pattern) {
      const auto leader_emit = [&](const BuiltRow& measured) -> std::optional<std::string> {
        if (rank != 0) {
          held.push_back(measured);
          return std::nullopt;
        }
        return emit(measured, s, plan->group_led_by(s, 0), repeat, pass);
      };
      mine = run_sweep(*stage.definition, *stage.pattern, stage.comm, sizes, config, clock, leader_emit, progress);
    } else if (rank == 0) {
      for (const std::uint64_t size : sizes) {
        progress.step(fmt::format("{} {} (ranks {})", stage.definition->name, Bytes{size},
                                  fmt::join(plan->stages()[s].groups.front().members, ",")));
      }
    }
    // Ranks without a part in this stage sleep here rather than spin on the measured cores.
    wait_for_stage_end(world);
    std::optional<std::string> failed = agree_on_problem(world, mine);
    if (!stage.relays) return failed;
    // Rows measured without rank 0 reach it in one gather once the stage is done, failed or
    // not, and are written with their group's context.
    const auto relayed = gather_strings(world, held.empty() ? std::string() : encode_rows(held));
    std::optional<std::string> unwritten;
    for (std::size_t leader = 1; leader < relayed.size() && !unwritten; ++leader) {
      if (relayed[leader].empty()) continue;
      const std::size_t group = plan->group_led_by(s, static_cast<int>(leader));
      for (BuiltRow& row : decode_rows(relayed[leader])) {
        unwritten = emit(std::move(row), s, group, repeat, pass);
        if (unwritten) break;
      }
    }
    if (auto problem = agree_on_problem(world, unwritten); problem && !failed) failed = problem;
    return failed;
  };
  for (int repeat = 1; repeat <= config.repeat && !failure; ++repeat) {
    for (std::size_t s = 0; s < stages.size() && !failure; ++s) failure = measure(s, repeat, 1);
  }
  if (failure) return {failure, std::nullopt};
  // Rank 0 may add stages once it has read the rows: second looks at what a verdict would flag.
  std::vector<std::uint64_t> again;
  if (rank == 0) {
    for (const std::size_t s : plan->stages_to_measure_again(step_rows, config.pattern_options)) again.push_back(s);
  }
  broadcast(world, again);
  for (const std::uint64_t s : again) progress.extend(stages[s].sizes.size());
  for (const std::uint64_t s : again) {
    if (auto problem = measure(s, config.repeat, 2)) return {problem, std::nullopt};
  }
  const std::vector<MachineLoad> loads = load_probe ? load_probe->finish(world, rank, placement) : std::vector<MachineLoad>();
  std::optional<std::string> verdict_failure;
  write_in_step(world, rank, [&] {
    for (const MachineLoad& machine : loads) outputs.note("load", load_note(machine));
    if (const auto busy = busy_warning(loads)) {
      fmt::print(stderr, "mpibench: warning: {}\n", *busy);
      outputs.note("warning", *busy);
    }
    if (config.repeat > 1) outputs.aggregates(repeat_aggregates(repeats, columns));
    if (const auto note = short_sizes.note(config)) {
      fmt::print(stderr, "mpibench: note: {}\n", *note);
      outputs.note("note", *note);
    }
    verdict_failure = write_verdicts(selection, *plan, step_rows, config, outputs);
  });
  return {std::nullopt, agree_on_problem(world, verdict_failure)};
}

}  // namespace mpibench
