#include "bench/harness/pattern_selection.hpp"

#include <fmt/format.h>

#include "toolkit/errors.hpp"

namespace mpibench {

Selection select_patterns(const RunConfig& config, std::span<const std::string> host_of_rank) {
  const int launched = static_cast<int>(host_of_rank.size());
  Selection selection;
  for (const std::string& name : config.patterns) {
    const PatternDefinition* definition = find_pattern(name);
    if (definition == nullptr) throw UsageError(fmt::format("unknown pattern '{}'", name));
    std::optional<std::string> cannot;
    if (launched < definition->min_ranks) {
      cannot = fmt::format(
          "{} needs at least {} ranks, but {} {} launched (run it as: mpiexec -n {} mpibench {})",
          definition->name, definition->min_ranks, launched, launched == 1 ? "was" : "were",
          definition->min_ranks, definition->name);
    } else if (definition->check != nullptr) {
      cannot = definition->check(config.pattern_options, launched);
    }
    if (!cannot && config.skip_patterns_needing_more_ranks && definition->left_out_of_all != nullptr) {
      cannot = definition->left_out_of_all(host_of_rank);
    }
    if (cannot) {
      if (!config.skip_patterns_needing_more_ranks) throw UsageError(*cannot);
      selection.notes.push_back(fmt::format("skipping {}: {}", definition->name, *cannot));
      continue;
    }
    // An option that names a rank must name one of the pattern's: a mistake under `all` too.
    const int ranks = definition->ranks_used(launched);
    for (const PatternOption* option : definition->options) {
      if (!option->is_rank) continue;
      const std::int64_t value = config.pattern_options.integer(*option);
      if (value >= ranks) {
        throw UsageError(fmt::format("--{} {} is out of range: {} runs on {} ranks ({}s 0 to {})",
                                     option->name(), value, definition->name, ranks, option->name(),
                                     ranks - 1));
      }
    }
    selection.definitions.push_back(definition);
  }
  if (selection.definitions.empty()) {
    throw UsageError(fmt::format("no pattern can run on {} rank{}: every pattern needs at least 2 "
                                 "(run under mpiexec -n 2 or more)",
                                 launched, launched == 1 ? "" : "s"));
  }
  return selection;
}

}  // namespace mpibench
