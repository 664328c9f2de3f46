#pragma once
// Which two ranks a point-to-point pattern measures: --pair R1,R2 (R1 becomes the pattern's
// rank 0), or `inter` / `intra`: the first two ranks on different hosts / on one host.
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "patterns/pattern_option.hpp"

namespace mpibench {

inline constexpr PatternOption pair_option{
    .flags = "--pair",
    .kind = OptionKind::text,
    .default_text = "0,1",
    .type_name = "R1,R2|inter|intra",
    .help = "The two ranks measured: R1,R2 (R1 leads), inter (the first two ranks on different "
            "hosts) or intra (the first two on one host); the others wait without spinning",
};

// The world ranks of the pair, in order, or why there is no such pair.
std::variant<std::vector<int>, std::string> pair_members(const OptionValues& options,
                                                         std::span<const std::string> host_of_rank);

}  // namespace mpibench
