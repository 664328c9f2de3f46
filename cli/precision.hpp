#pragma once
#include <string_view>

namespace mpibench {

// A --precision value: a fraction ("0.01") or a percentage ("1%"), above 0 and below 1
// (100%). Throws UsageError naming the bad text.
double parse_precision(std::string_view text);

}  // namespace mpibench
