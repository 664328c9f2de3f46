#pragma once
// The rows a group led by a rank other than rank 0 measured, as text for the one gather that
// takes them to rank 0 (gather_strings), and back: each row's cells and its figures, exactly.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bench/harness/record_builder.hpp"

namespace mpibench {

std::string encode_rows(std::span<const BuiltRow> rows);
std::vector<BuiltRow> decode_rows(std::string_view text);

}  // namespace mpibench
