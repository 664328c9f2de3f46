#include "cli/command_line.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "toolkit/errors.hpp"
#include "build_info.hpp"
#include "cli/help_format.hpp"
#include "cli/nearest_names.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {
namespace {

constexpr const char* app_description =
    "mpibench measures message-passing patterns over MPI: point-to-point latency and bandwidth, "
    "link maps, collectives and a task queue. Run it under mpiexec; each pattern sweeps message "
    "sizes, times them (warm-up, synchronized ranks, batches far above the timer's cost), and "
    "reports per-size statistics with a confidence interval of the median. compare and model read "
    "the results offline.";

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

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
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
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) refuse_empty_values(*sub);
}

std::string pattern_names() {
  std::vector<std::string_view> names;
  for (const PatternDefinition* definition : pattern_catalog()) names.push_back(definition->name);
  return fmt::format("{}", fmt::join(names, ", "));
}

std::vector<std::string> other_commands() {
  std::vector<std::string> names;
  for (const Subcommand& command : subcommands()) {
    if (find_pattern(command.name) == nullptr) names.emplace_back(command.name);
  }
  return names;
}

// An unknown word where the subcommand goes; CLI11 would say "the following argument was not
// expected", which does not say what was expected.
UsageError unknown_subcommand(const std::string& word) {
  std::vector<std::string> names;
  for (const Subcommand& command : subcommands()) names.emplace_back(command.name);
  const std::string others = fmt::format("{}", fmt::join(other_commands(), ", "));
  const auto near = nearest_names(word, names);
  if (!near.empty()) {
    return UsageError(fmt::format("unknown pattern '{}'{} (the patterns: 'mpibench list'; the other commands: {})",
                                  word, did_you_mean(near), others));
  }
  return UsageError(fmt::format("unknown pattern '{}'; known patterns: {} (see 'mpibench list'); the other "
                                "commands: {}",
                                word, pattern_names(), others));
}

// What CLI11 did not expect on `sub`'s command line: a mistyped option gets the options
// nearest to it; anything else is named as unexpected.
UsageError unexpected_arguments(const CLI::App& sub) {
  const std::vector<std::string> extras = sub.remaining();
  std::vector<std::string> names;
  for (const CLI::Option* option : sub.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  const std::string help = fmt::format("see 'mpibench {} --help'", sub.get_name());
  for (const std::string& extra : extras) {
    if (extra.size() < 2 || extra[0] != '-') continue;
    const std::string flag = extra.substr(0, extra.find('='));
    return UsageError(fmt::format("{}: unknown option '{}'{} ({})", sub.get_name(), flag,
                                  did_you_mean(nearest_names(flag, names)), help));
  }
  return UsageError(fmt::format("{}: unexpected argument{} {} ({})", sub.get_name(), extras.size() == 1 ? "" : "s",
                                fmt::format("'{}'", fmt::join(extras, "' '")), help));
}

// The App with its subcommands declared; `finishes` receives each one's finish. Every
// subcommand, or only `chosen` when the command line names one: declaring the others'
// options is most of a parse's cost (43% of a 2 048-rank simulation's wall time, where
// every simulated rank parses), and a named subcommand parses alone the same way.
void declare_commands(CLI::App& app, std::map<std::string, CommandFinish, std::less<>>& finishes,
                      const Subcommand* chosen) {
  app.formatter(help_formatter());
  app.require_subcommand(1);
  bool version = false;  // handled before parsing; declared so that --help lists it
  app.add_flag("--version", version, "Print the version and exit");
  for (const Subcommand& command : subcommands()) {
    if (chosen != nullptr && chosen != &command) continue;
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    sub->formatter(help_formatter());
    finishes[std::string(command.name)] = command.declare(*sub);
    std::string footer = examples_text(command.examples);
    if (!command.notes.empty()) footer += "\n" + wrap(command.notes, help_width) + "\n";
    if (!command.guide.empty()) {
      footer += fmt::format("\nMore in docs/{} (installed in /usr/share/doc/mpibench/docs/).", command.guide);
    }
    sub->footer(footer);
  }
  app.footer(examples_text(top_examples()) +
             "\nRun 'mpibench COMMAND --help' for a command's options and examples, 'mpibench list' for "
             "the patterns;\nonce installed, 'man mpibench' and 'man mpibench-COMMAND'.");
}

}  // namespace

bool command_needs_mpi(int argc, const char* const* argv) {
  if (argc < 2) return true;
  const std::string first = lowercase(argv[1]);
  if (first == "--help" || first == "-h" || first == "--version") return false;
  const Subcommand* command = find_subcommand(first);
  return command == nullptr || command->needs_mpi;
}

ParsedCommand parse_command_line(int argc, const char* const* raw_argv) {
  // Pattern and command names in any case (PingPong, ALL), as other suites accept them.
  std::vector<std::string> words(raw_argv, raw_argv + argc);
  if (argc > 1 && find_subcommand(lowercase(words[1])) != nullptr) words[1] = lowercase(words[1]);
  std::vector<const char*> pointers;
  for (const std::string& word : words) pointers.push_back(word.c_str());
  const char* const* argv = pointers.data();
  const auto print = [](std::string text) {
    return ParsedCommand{false, [text] {
                           fmt::print("{}", text);
                           return static_cast<int>(exit_ok);
                         }};
  };
  if (argc > 1 && words[1][0] != '-' && find_subcommand(words[1]) == nullptr) throw unknown_subcommand(words[1]);
  if (argc > 1 && words[1] == "--version") return print(fmt::format("mpibench {}\n", build_info::version));

  CLI::App app(app_description, "mpibench");
  std::map<std::string, CommandFinish, std::less<>> finishes;
  declare_commands(app, finishes, argc > 1 ? find_subcommand(words[1]) : nullptr);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return print(app.help());
  } catch (const CLI::CallForAllHelp&) {
    return print(app.help("", CLI::AppFormatMode::All));
  } catch (const CLI::RequiredError& e) {
    // A required option missing because it was mistyped: the typo is what to say.
    if (!app.get_subcommands().empty() && !app.get_subcommands().front()->remaining().empty()) {
      throw unexpected_arguments(*app.get_subcommands().front());
    }
    if (app.get_subcommands().empty()) {
      throw UsageError(fmt::format("no pattern given; choose one of: {}, all (see 'mpibench --help')", pattern_names()));
    }
    throw UsageError(one_line(e.what()));
  } catch (const CLI::ExtrasError& e) {
    if (app.get_subcommands().empty()) throw UsageError(one_line(e.what()));
    throw unexpected_arguments(*app.get_subcommands().front());
  } catch (const CLI::ParseError& e) {
    refuse_empty_values(app);
    throw UsageError(one_line(e.what()));
  }
  const CLI::App* chosen = app.get_subcommands().front();
  refuse_empty_values(*chosen);
  const Subcommand* command = find_subcommand(chosen->get_name());
  return ParsedCommand{command->needs_mpi, finishes.at(chosen->get_name())(quoted_command_line(argc, raw_argv))};
}

}  // namespace mpibench
