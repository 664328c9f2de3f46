#pragma once
// The one table of patterns, made from patterns/catalog.def.
#include <span>
#include <string_view>
#include <vector>

#include "patterns/definition.hpp"

namespace mpibench {

std::span<const PatternDefinition* const> pattern_catalog();

// The definition called `name`, or nullptr.
const PatternDefinition* find_pattern(std::string_view name);

// The options of these patterns, each once, in catalog order (`all` offers them all).
std::vector<const PatternOption*> options_of(std::span<const PatternDefinition* const> patterns);

}  // namespace mpibench
