#pragma once
// "Did you mean": the known names nearest to a mistyped one.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mpibench {

// Optimal string alignment distance, case-insensitive: insertions, deletions, substitutions
// and swaps of two neighbouring characters ("allredcue") count one each.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The names within reach of `word`, nearest first (ties in the given order), at most
// `limit`: a distance of at most a third of the word's length (at least 1, at most 3), or
// the word as the start of a name ("--prec" for "--precision"). None for a word that
// resembles nothing.
std::vector<std::string> nearest_names(std::string_view word, std::span<const std::string> names,
                                       std::size_t limit = 3);

// ", did you mean 'a' or 'b'?" style text for a message, or "" when there is no candidate.
std::string did_you_mean(const std::vector<std::string>& candidates);

}  // namespace mpibench
