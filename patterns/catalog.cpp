#include "patterns/catalog.hpp"

#include <algorithm>
#include <iterator>

namespace mpibench {
namespace {

const PatternDefinition* const catalog[] = {
#define MPIBENCH_PATTERN(name) &name##_pattern,
#include "patterns/catalog.def"
#undef MPIBENCH_PATTERN
};

}  // namespace

std::span<const PatternDefinition* const> pattern_catalog() { return catalog; }

const PatternDefinition* find_pattern(std::string_view name) {
  for (const PatternDefinition* definition : catalog) {
    if (definition->name == name) return definition;
  }
  return nullptr;
}

std::size_t catalog_index(const PatternDefinition* definition) {
  return static_cast<std::size_t>(std::find(std::begin(catalog), std::end(catalog), definition) - std::begin(catalog));
}

std::vector<const PatternOption*> options_of(std::span<const PatternDefinition* const> patterns) {
  std::vector<const PatternOption*> options;
  for (const PatternDefinition* definition : patterns) {
    for (const PatternOption* option : definition->options) {
      // Patterns that share an option share its declaration (one object, one default).
      if (std::find(options.begin(), options.end(), option) == options.end()) options.push_back(option);
    }
  }
  return options;
}

}  // namespace mpibench
