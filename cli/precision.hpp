#pragma once
#include <string_view>

namespace mpibench {

// A fraction ("0.01") or a percentage ("1%") given to `option`, above 0 and below `below`
// (1 = 100%). Throws UsageError naming the option and the bad text.
double parse_fraction(std::string_view text, std::string_view option, double below);

// A --precision value: above 0 and below 100%.
inline double parse_precision(std::string_view text) { return parse_fraction(text, "--precision", 1); }

}  // namespace mpibench
