#pragma once
// The root of a rooted collective: one option and one column, shared by every pattern that
// has a root, so they cannot drift apart.
#include "patterns/pattern_option.hpp"
#include "results/schema.hpp"

namespace mpibench {

inline constexpr PatternOption root_option{
    .flags = "--root",
    .kind = OptionKind::integer,
    .default_text = "0",
    .type_name = "RANK",
    .help = "Rank that is the root of the collective",
    .min = 0,
    .is_rank = true,
};

inline constexpr Column root_column{"root", "", ColumnRole::configuration, ColumnType::integer, true};

}  // namespace mpibench
