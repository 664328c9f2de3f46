#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mpibench {

// The largest message mpibench sends: MPI's classic int counts of MPI_BYTE.
inline constexpr std::uint64_t max_message_bytes = 2147483647;

// One size: digits with an optional K, M or G (either case), meaning KiB, MiB or GiB.
// Throws UsageError naming the bad text.
std::uint64_t parse_size(std::string_view text);

// A --sizes value: "MIN:MAX" is MIN, then doubling while <= MAX, as OSU's -m does (0 is
// followed by 1), e.g. "0:64K" or "3:100"; otherwise a comma list such as "8,4K,1M".
// Every size must be at most max_message_bytes. Throws UsageError.
std::vector<std::uint64_t> parse_size_list(std::string_view text);

// The --sizes text that gives `sizes` back: "MIN:MAX" for a doubling run of three or more,
// a comma list otherwise; K, M, G where a size is a whole number of them ("0:4M", "8,1K").
std::string size_list_text(std::span<const std::uint64_t> sizes);

}  // namespace mpibench
