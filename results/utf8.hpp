#pragma once
// Outputs are UTF-8 whatever the bytes they are given: a file name in ISO-8859-1
// ("pr\xe1ctica.csv" from a Spanish locale) reaches the metadata through the command line,
// and one invalid byte makes a JSON file unreadable. Readers refuse what is not UTF-8: that
// is how they catch damage.
#include <string>
#include <string_view>

namespace mpibench {

bool is_valid_utf8(std::string_view text);

// `text` with each byte that does not begin or continue a valid UTF-8 sequence (a truncated
// or overlong sequence, a surrogate, beyond U+10FFFF) replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view text);

}  // namespace mpibench
