#include "cli/help_format.hpp"

#include <fmt/format.h>

namespace mpibench {
namespace {

// Where option and subcommand descriptions start (CLI11's default column).
constexpr std::size_t column = 30;
// A command up to this long has its explanation on the same line.
constexpr std::size_t short_command = 54;

class HelpFormatter final : public CLI::Formatter {
 public:
  std::string make_description(const CLI::App* app) const override {
    std::string text = app->get_description();
    if (app->get_parent() != nullptr) {
      if (const Subcommand* command = find_subcommand(app->get_name()); command && !command->description.empty()) {
        text = command->description;
      }
    }
    return text.empty() ? std::string() : wrap(text, help_width) + "\n";
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    std::string out = fmt::format("  {:<{}}", sub->get_name(), column - 2);
    if (sub->get_name().size() + 2 >= column) out += "\n" + std::string(column, ' ');
    return out + wrap(sub->get_description(), help_width, column) + "\n";
  }

  std::string make_option_desc(const CLI::Option* option) const override {
    // CLI11 indents each line after a break to the description column itself.
    return wrap(CLI::Formatter::make_option_desc(option), help_width - column);
  }
};

}  // namespace

std::string wrap(std::string_view text, std::size_t width, std::size_t indent) {
  std::string out;
  std::size_t line = indent;  // the first line's start is the caller's
  bool first_word = true;
  const auto newline = [&] {
    out += '\n';
    out += std::string(indent, ' ');
    line = indent;
    first_word = true;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n') {
      newline();
      ++i;
      continue;
    }
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    const std::string_view word = text.substr(i, end - i);
    if (!first_word && line + 1 + word.size() > width) newline();
    if (!first_word) {
      out += ' ';
      ++line;
    }
    out += word;
    line += word.size();
    first_word = false;
    i = end;
  }
  return out;
}

std::string examples_text(const std::vector<CommandExample>& examples) {
  if (examples.empty()) return "";
  std::string text = "Examples:\n";
  for (const CommandExample& example : examples) {
    const bool beside = example.command.size() <= short_command && example.command.find('\n') == std::string::npos;
    if (beside) {
      text += fmt::format("  {:<{}} {}\n", example.command, short_command,
                          wrap(example.what, help_width, short_command + 3));
      continue;
    }
    std::string command = example.command;
    for (std::size_t at = command.find('\n'); at != std::string::npos; at = command.find('\n', at + 3)) {
      command.replace(at, 1, "\n  ");
    }
    text += fmt::format("  {}\n      {}\n", command, wrap(example.what, help_width, 6));
  }
  return text;
}

std::shared_ptr<CLI::Formatter> help_formatter() { return std::make_shared<HelpFormatter>(); }

}  // namespace mpibench
