#pragma once
// Rounds of disjoint pairs that cover every unordered pair of N endpoints exactly once: a
// round-robin tournament by the circle method. N - 1 rounds for even N; for odd N, N rounds
// with one endpoint idle in each.
#include <utility>
#include <vector>

namespace mpibench {

using Round = std::vector<std::pair<int, int>>;  // (lower, higher) endpoint of each pair

std::vector<Round> round_robin_rounds(int endpoints);

}  // namespace mpibench
