#include "cli/subcommand.hpp"

#include "cli/run_command.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {

const std::vector<Subcommand>& subcommands() {
  static const std::vector<Subcommand> table = [] {
    std::vector<Subcommand> all;
    for (const PatternDefinition* pattern : pattern_catalog()) all.push_back(pattern_run_command(*pattern));
#define MPIBENCH_COMMAND(name) all.push_back(name##_command());
#include "cli/commands.def"
#undef MPIBENCH_COMMAND
    return all;
  }();
  return table;
}

const Subcommand* find_subcommand(std::string_view name) {
  for (const Subcommand& command : subcommands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

std::vector<CommandExample> top_examples() {
  return {{"mpiexec -n 2 mpibench pingpong", "latency and bandwidth, 0 B to 4 MiB"},
          {"mpiexec -n 2 mpibench all -o all.csv", "every pattern two ranks allow, as CSV"},
          {"mpibench-plot all.csv -o all.png", "its picture"},
          {"mpibench compare --baseline base-*.csv --candidate cand-*.csv", "the regression gate"},
          {"mpibench model pingpong.csv", "Hockney's alpha and beta"},
          {"mpiexec -n 16 -ppn 1 mpibench linkmap --fail-on-outliers", "every link of 16 hosts, a gate"}};
}

}  // namespace mpibench
