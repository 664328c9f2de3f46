#pragma once
// The one table of patterns, made from patterns/catalog.def.
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "patterns/definition.hpp"

namespace mpibench {

std::span<const PatternDefinition* const> pattern_catalog();

// The definition called `name`, or nullptr.
const PatternDefinition* find_pattern(std::string_view name);

// A definition's place in the catalog (how rank 0 names a pattern to the other ranks).
std::size_t catalog_index(const PatternDefinition* definition);

// The options of these patterns, each once, in catalog order (`all` offers them all).
std::vector<const PatternOption*> options_of(std::span<const PatternDefinition* const> patterns);

}  // namespace mpibench
