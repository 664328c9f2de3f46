#include "patterns/parts/round_robin.hpp"

#include <algorithm>

namespace mpibench {

std::vector<Round> round_robin_rounds(int endpoints) {
  if (endpoints < 2) return {};
  // Odd N: a phantom endpoint N; whoever meets it sits the round out.
  const int n = endpoints % 2 == 0 ? endpoints : endpoints + 1;
  std::vector<int> circle(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) circle[static_cast<std::size_t>(i)] = i;
  std::vector<Round> rounds;
  for (int r = 0; r < n - 1; ++r) {
    Round round;
    for (int i = 0; i < n / 2; ++i) {
      const int a = circle[static_cast<std::size_t>(i)];
      const int b = circle[static_cast<std::size_t>(n - 1 - i)];
      if (a < endpoints && b < endpoints) round.emplace_back(std::min(a, b), std::max(a, b));
    }
    std::sort(round.begin(), round.end());
    rounds.push_back(std::move(round));
    // Endpoint 0 stays; the others turn one place.
    std::rotate(circle.begin() + 1, circle.end() - 1, circle.end());
  }
  return rounds;
}

}  // namespace mpibench
