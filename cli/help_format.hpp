#pragma once
// mpibench's --help: CLI11's layout, with text wrapped to a terminal's width, and each
// subcommand's description, examples and notes taken from its table entry (cli/subcommand).
#include "cli/cli11.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/subcommand.hpp"

namespace mpibench {

inline constexpr std::size_t help_width = 100;

// `text` wrapped at `width` columns, its own line breaks kept, continuation lines indented
// by `indent` spaces.
std::string wrap(std::string_view text, std::size_t width, std::size_t indent = 0);

// "Examples:" and one entry per example: the command, and what it shows beside it or, for a
// long or multi-line command, below it.
std::string examples_text(const std::vector<CommandExample>& examples);

// The formatter every App and subcommand of mpibench uses.
std::shared_ptr<CLI::Formatter> help_formatter();

}  // namespace mpibench
