#include "cli/options.hpp"

#include "cli/cli11.hpp"
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "bench/toolkit/errors.hpp"
#include "build_info.hpp"
#include "cli/option_groups.hpp"
#include "cli/precision.hpp"
#include "cli/size_list.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {
namespace {

constexpr const char* app_description =
    "mpibench measures message-passing patterns over MPI: point-to-point latency and "
    "bandwidth, and more. Run it under mpiexec; each pattern sweeps message sizes, times "
    "them (warm-up, synchronized ranks, batches far above the timer's cost), and reports "
    "per-size statistics with a confidence interval of the median.";

constexpr const char* app_footer = R"(Examples:
  mpiexec -n 2 mpibench pingpong                        0 B .. 4 MiB, table on stdout
  mpiexec -n 2 mpibench pingpong --sizes 1:64K -o r.csv
  mpiexec -n 2 mpibench bandwidth --sizes 4K,64K,1M --window 32
  mpiexec -n 4 mpibench bcast --sizes 1:1M -o bcast.csv
  mpiexec -n 3 mpibench scatter --sizes 8,4K,256K --root 2
  mpiexec -n 4 mpibench reduce --sizes 8:1M --op sum --type double --validate
  mpiexec -n 4 mpibench taskqueue --sizes 0:64K --prefetch 1,4 -o tq.csv
  mpiexec -n 4 mpibench taskqueue --work-us 0,10,100 --workers 1,2,3
  mpiexec -n 4 mpibench taskqueue --broker              client -> broker -> worker and back
  mpiexec -n 4 mpibench all -o all.csv                  every pattern the ranks allow
  mpibench list                                         the patterns and what each measures
  python3 plots/plot.py r.csv -o r.png                  latency and bandwidth against size

Outputs: a file named FILE is complete. It is written as FILE.partial and renamed when the
run completes; a run that stops early leaves FILE.partial, ending with its reason.
Exit status: 0 done; 1 the run failed after it started (FILE.partial keeps the finished
rows); 2 bad input, found before any file is created or deleted; 128+N stopped by signal N.
Run 'mpibench PATTERN --help' for a pattern's options.)";

std::string quoted_command_line(int argc, const char* const* argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i > 0) line += ' ';
    const bool plain = !arg.empty() && arg.find_first_of(" \t'\"\\$`*?;&|<>()") == std::string_view::npos;
    if (plain) {
      line += arg;
    } else {
      line += '\'';
      for (const char c : arg) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
      line += '\'';
    }
  }
  return line;
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// An option given an empty value (--sizes "", -o "") is a mistake, never "use the default":
// a script whose variable came out empty must not silently measure something else.
// Also called when CLI11 has refused the command line, whose own message for an empty
// number ("Value  not in range 0 to 1.797e308") would not say what is wrong.
void refuse_empty_values(const CLI::App& app) {
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_expected_max() == 0) continue;  // a flag
    for (const std::string& value : option->results()) {
      if (value.find_first_not_of(" \t") == std::string::npos) {
        throw UsageError(fmt::format("{} was given an empty value", option->get_name()));
      }
    }
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    refuse_empty_values(*sub);
  }
}

std::string known_patterns() {
  std::string names;
  for (const PatternDefinition* definition : pattern_catalog()) names += fmt::format("{}, ", definition->name);
  return names + "all";
}

}  // namespace

namespace {

// The words where a pattern's name may go that are not patterns.
bool is_command_word(std::string_view word) {
  return word == "list" || word == "all" || word == "compare" || word == "model";
}

}  // namespace

bool is_offline_command(int argc, const char* const* argv) {
  if (argc < 2) return false;
  std::string first = argv[1];
  std::transform(first.begin(), first.end(), first.begin(), [](unsigned char c) { return std::tolower(c); });
  return first == "list" || first == "compare" || first == "model" || first == "--help" || first == "-h" ||
         first == "--version";
}

std::string pattern_list_text() {
  std::string text = fmt::format("{:<12} {:>9}  {}\n", "pattern", "min_ranks", "measures");
  for (const PatternDefinition* definition : pattern_catalog()) {
    text += fmt::format("{:<12} {:>9}  {}\n", definition->name, definition->min_ranks, definition->summary);
  }
  return text;
}

Command parse_command_line(int argc, const char* const* raw_argv) {
  Command command;
  // Pattern and command names in any case (PingPong, ALL), as other suites accept them.
  std::vector<std::string> words(raw_argv, raw_argv + argc);
  if (argc > 1) {
    std::string lower = words[1];
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (find_pattern(lower) != nullptr || is_command_word(lower)) words[1] = lower;
  }
  std::vector<const char*> pointers;
  for (const std::string& word : words) pointers.push_back(word.c_str());
  const char* const* argv = pointers.data();
  // An unknown word where the pattern goes gets its own message; CLI11's would be "the
  // following argument was not expected", which does not say what was expected.
  const std::string_view first = argc > 1 ? argv[1] : "";
  if (argc > 1 && first[0] != '-' && !is_command_word(first) && find_pattern(first) == nullptr) {
    throw UsageError(fmt::format("unknown pattern '{}'; known patterns: {} (see 'mpibench list')",
                                 argv[1], known_patterns()));
  }
  if (argc > 1 && std::string_view(argv[1]) == "--version") {
    command.kind = Command::Kind::print;
    command.text = fmt::format("mpibench {}\n", build_info::version);
    return command;
  }

  CLI::App app(app_description, "mpibench");
  app.footer(app_footer);
  app.require_subcommand(1);
  bool version = false;  // handled before parsing; declared here so --help lists it
  app.add_flag("--version", version, "Print the version and exit");
  app.add_subcommand("list", "List the patterns and what each measures");
  RawOptions raw;
  for (const PatternDefinition* definition : pattern_catalog()) {
    CLI::App* sub = app.add_subcommand(std::string(definition->name), std::string(definition->summary));
    add_common_options(*sub, raw, definition->sizes);
    add_pattern_options(*sub, definition->options, raw);
  }
  CompareOptions compare;
  add_compare_options(*app.add_subcommand("compare", "Compare a candidate's launches with a baseline's "
                                                     "(the regression gate; runs without mpiexec)"),
                      compare);
  ModelOptions model;
  add_model_options(*app.add_subcommand("model", "Fit Hockney's alpha-beta model to pingpong results, "
                                                 "regime by regime (runs without mpiexec)"),
                    model);
  CLI::App* all = app.add_subcommand(
      "all", "Every pattern the launched ranks allow, one after the other, into one CSV");
  add_common_options(*all, raw, default_sizes);
  add_pattern_options(*all, options_of(pattern_catalog()), raw);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    command.kind = Command::Kind::print;
    command.text = app.help();
    return command;
  } catch (const CLI::CallForAllHelp&) {
    command.kind = Command::Kind::print;
    command.text = app.help("", CLI::AppFormatMode::All);
    return command;
  } catch (const CLI::RequiredError& e) {
    if (app.get_subcommands().empty()) {
      throw UsageError(fmt::format("no pattern given; choose one of: {} (see 'mpibench --help')",
                                   known_patterns()));
    }
    throw UsageError(one_line(e.what()));
  } catch (const CLI::ParseError& e) {
    refuse_empty_values(app);
    throw UsageError(one_line(e.what()));
  }

  const CLI::App* chosen = app.get_subcommands().front();
  refuse_empty_values(*chosen);
  if (chosen->get_name() == "list") {
    command.kind = Command::Kind::list;
    return command;
  }
  if (chosen->get_name() == "compare") {
    command.kind = Command::Kind::compare;
    command.compare = finish_compare_request(std::move(compare), quoted_command_line(argc, raw_argv));
    return command;
  }
  if (chosen->get_name() == "model") {
    command.kind = Command::Kind::model;
    command.model = finish_model_request(std::move(model), quoted_command_line(argc, raw_argv));
    return command;
  }
  RunConfig& config = command.config;
  config = raw.config;
  if (chosen->get_name() == "all") {
    for (const PatternDefinition* definition : pattern_catalog()) config.patterns.emplace_back(definition->name);
    config.skip_patterns_needing_more_ranks = true;
  } else {
    config.patterns = {chosen->get_name()};
  }
  const PatternDefinition* single = find_pattern(chosen->get_name());
  // OSU's -m MAX is 0:MAX; its MIN:MAX is mpibench's range already.
  const std::string sizes = !raw.osu_sizes.empty()
                                ? (raw.osu_sizes.find(':') == std::string::npos ? "0:" + raw.osu_sizes : raw.osu_sizes)
                                : raw.sizes;
  if (single != nullptr && single->sizeless && !sizes.empty()) {
    throw UsageError(fmt::format("{} moves no message, so --sizes and -m do not apply to it",
                                 single->name));
  }
  if (single != nullptr && !single->sized_by.empty() && !sizes.empty()) {
    throw UsageError(fmt::format("{} takes its sizes from {}, not from --sizes or -m", single->name,
                                 single->sized_by));
  }
  config.sizes = parse_size_list(sizes.empty() ? std::string(single != nullptr ? single->sizes : default_sizes) : sizes);
  for (const PatternOption* option : options_of(pattern_catalog())) {
    config.pattern_options.set(*option, raw.pattern_values.find(option->name())->second);
  }
  if (raw.samples) config.min_samples = config.max_samples = *raw.samples;
  if (!raw.precision.empty()) config.precision = parse_precision(raw.precision);
  if (!raw.sync.empty()) config.sync = raw.sync == "window" ? SyncMethod::window : SyncMethod::barrier;
  if (raw.warmup_ops) {
    config.warmup_ops = *raw.warmup_ops;
    config.warmup_time_s = 0;
  }
  if (!raw.memory_limit.empty()) config.memory_limit_bytes = parse_size(raw.memory_limit);
  config.output_files = output_files(raw.output_paths);
  if (raw.time_limit_s > 0) config.time_limit_s = raw.time_limit_s;
  config.command_line = quoted_command_line(argc, raw_argv);
  return command;
}

}  // namespace mpibench
