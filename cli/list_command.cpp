// `mpibench list`: the patterns, the ranks each needs, and what each measures.
#include <fmt/format.h>

#include "toolkit/errors.hpp"
#include "cli/subcommand.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {

Subcommand list_command() {
  return Subcommand{
      .name = "list",
      .summary = "list the patterns, the ranks each needs and what each measures",
      .description = "",
      .examples = {{"mpibench list", "one line per pattern"}},
      .notes = "",
      .guide = "running.md",
      .needs_mpi = false,
      .declare = [](CLI::App&) -> CommandFinish {
        return [](const std::string&) -> CommandRun {
          return [] {
            fmt::print("{:<12} {:>9}  {}\n", "pattern", "min_ranks", "measures");
            for (const PatternDefinition* definition : pattern_catalog()) {
              fmt::print("{:<12} {:>9}  {}\n", definition->name, definition->min_ranks, definition->summary);
            }
            return static_cast<int>(exit_ok);
          };
        };
      },
  };
}

}  // namespace mpibench
