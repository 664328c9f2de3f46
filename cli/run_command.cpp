#include "cli/run_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <memory>

#include "bench/harness/job.hpp"
#include "toolkit/errors.hpp"
#include "cli/option_groups.hpp"
#include "cli/precision.hpp"
#include "cli/size_list.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {

std::string run_notes() {
  return "Outputs: a file named FILE is complete. It is written as FILE.partial and renamed when the "
         "run completes; a run that stops early leaves FILE.partial, ending with its reason.\n\n"
         "Exit status: 0 done; 1 the run failed after it started (FILE.partial keeps the finished "
         "rows), or a verdict made a gate failed; 2 bad input, found before any file is created or "
         "deleted; 128+N stopped by signal N.";
}

namespace {

// The settings of `config` as options, given or default, in --help's order: the metadata's
// `options` line, and what the test of --help's defaults compares them with.
std::string options_in_effect(const RunConfig& config, std::span<const PatternOption* const> declared) {
  std::vector<std::string> words{fmt::format("--sizes {}", size_list_text(config.sizes))};
  if (config.iterations) {
    words.push_back(fmt::format("--iterations {}", *config.iterations));
  } else {
    words.push_back(fmt::format("--precision {}", percent(config.precision)));
    words.push_back(fmt::format("--min-samples {}", config.min_samples));
    words.push_back(fmt::format("--max-samples {}", config.max_samples));
    words.push_back(fmt::format("--max-time {:g}", config.max_time_s));
  }
  words.push_back(fmt::format("--sync {}", config.sync == SyncMethod::window ? "window" : "barrier"));
  words.push_back(fmt::format("--repeat {}", config.repeat));
  words.push_back(fmt::format("--seed {}", config.seed));
  if (config.drop_outliers) words.emplace_back("--drop-outliers");
  if (config.validate) words.emplace_back("--validate");
  if (config.time_limit_s) words.push_back(fmt::format("--time-limit {:g}", *config.time_limit_s));
  if (config.memory_limit_bytes) words.push_back(fmt::format("--memory-limit {}", *config.memory_limit_bytes));
  for (const PatternOption* option : declared) {
    if (option->hidden()) continue;
    const OptionValue& value = config.pattern_options.value(*option);
    if (option->kind == OptionKind::flag) {
      if (std::get<bool>(value)) words.push_back(fmt::format("--{}", option->name()));
      continue;
    }
    const std::string text = option_value_text(value);
    if (!text.empty()) words.push_back(fmt::format("--{} {}", option->name(), text));
  }
  return fmt::format("{}", fmt::join(words, " "));
}

}  // namespace

CommandFinish declare_run(CLI::App& sub, std::span<const PatternDefinition* const> patterns, bool all,
                          std::string_view sizes_default) {
  auto raw = std::make_shared<RawOptions>();
  add_common_options(sub, *raw, sizes_default);
  add_pattern_options(sub, options_of(patterns), *raw);
  const PatternDefinition* single = all ? nullptr : patterns.front();
  return [raw, single](const std::string& command_line) -> CommandRun {
    RunConfig config = raw->config;
    if (single == nullptr) {
      for (const PatternDefinition* definition : pattern_catalog()) config.patterns.emplace_back(definition->name);
      config.skip_patterns_needing_more_ranks = true;
    } else {
      config.patterns = {std::string(single->name)};
    }
    // OSU's -m MAX is 0:MAX; its MIN:MAX is mpibench's range already.
    const std::string sizes = !raw->osu_sizes.empty() ? (raw->osu_sizes.find(':') == std::string::npos
                                                             ? "0:" + raw->osu_sizes
                                                             : raw->osu_sizes)
                                                      : raw->sizes;
    if (single != nullptr && single->sizeless && !sizes.empty()) {
      throw UsageError(fmt::format("{} moves no message, so --sizes and -m do not apply to it", single->name));
    }
    if (single != nullptr && !single->sized_by.empty() && !sizes.empty()) {
      throw UsageError(
          fmt::format("{} takes its sizes from {}, not from --sizes or -m", single->name, single->sized_by));
    }
    config.sizes =
        parse_size_list(sizes.empty() ? std::string(single != nullptr ? single->sizes : default_sizes) : sizes);
    for (const PatternOption* option : options_of(pattern_catalog())) {
      const auto given = raw->pattern_values.find(option->name());
      config.pattern_options.set(*option, given != raw->pattern_values.end()
                                              ? given->second
                                              : parse_option_value(*option, option->default_text));
    }
    if (raw->samples) config.min_samples = config.max_samples = *raw->samples;
    if (!raw->precision.empty()) config.precision = parse_precision(raw->precision);
    if (!raw->sync.empty()) config.sync = raw->sync == "window" ? SyncMethod::window : SyncMethod::barrier;
    if (raw->warmup_ops) {
      config.warmup_ops = *raw->warmup_ops;
      config.warmup_time_s = 0;
      config.warmup_bounded = false;
    }
    if (!raw->memory_limit.empty()) config.memory_limit_bytes = parse_size(raw->memory_limit);
    config.output_files = output_files(raw->output_paths);
    config.time_limit_s = raw->time_limit_s;
    config.command_line = command_line;
    config.options = options_in_effect(config, single == nullptr ? options_of(pattern_catalog())
                                                                  : options_of(std::span(&single, 1)));
    return [config] { return static_cast<int>(run_job(config)); };
  };
}

Subcommand pattern_run_command(const PatternDefinition& pattern) {
  std::vector<CommandExample> examples;
  for (const Example& example : pattern.examples) examples.push_back({std::string(example.command), std::string(example.what)});
  if (examples.empty()) {
    examples.push_back({fmt::format("mpiexec -n {} mpibench {} -o {}.csv", pattern.min_ranks, pattern.name,
                                    pattern.name),
                        "the default sweep, written as CSV"});
  }
  return Subcommand{
      .name = pattern.name,
      .summary = pattern.summary,
      .description = "",
      .examples = std::move(examples),
      .notes = run_notes(),
      .guide = pattern.guide,
      .needs_mpi = true,
      .declare = [&pattern](CLI::App& sub) {
        const PatternDefinition* const one[] = {&pattern};
        return declare_run(sub, one, false, pattern.sizes);
      },
  };
}

}  // namespace mpibench
