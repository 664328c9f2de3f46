#pragma once
// Statistics that compare two sets of launches (compare, and later the model fits): rank
// tests that make no assumption about the shape of launch-to-launch noise, and corrections
// for testing many rows at once. Pure functions, tested against hand-computed values.
#include <cstddef>
#include <span>
#include <vector>

namespace mpibench {

// Exact one-sided Mann-Whitney (Wilcoxon rank-sum) tests of `x` against `y`, from the
// permutation distribution of the rank sum with mid-ranks, so tied values (times come in
// clock steps; simulated runs repeat exactly) are handled exactly.
struct RankTest {
  double p_greater = 1;  // P(rank sum of x >= observed): small when x tends to be larger
  double p_less = 1;     // P(rank sum of x <= observed): small when x tends to be smaller
};
RankTest mann_whitney_exact(std::span<const double> x, std::span<const double> y);

// The same tests from the normal approximation of the rank sum (tie-corrected variance,
// continuity correction of 1/2 on U): for samples too large to enumerate. Every value tied:
// both p are 1.
RankTest mann_whitney_normal(std::span<const double> x, std::span<const double> y);

// Exact while enumerating the rank sums stays small (a link map of a dozen hosts), the
// normal approximation beyond (one of 64 hosts: 63 links against 1953, where the exact
// count would take hours).
RankTest mann_whitney(std::span<const double> x, std::span<const double> y);

// The smallest one-sided p an exact rank test can give with n and m observations:
// 1 / C(n + m, n).
double smallest_rank_test_p(std::size_t n, std::size_t m);

// Hodges-Lehmann estimate of the shift x - y (the median of all pairwise differences) with
// Moses' distribution-free interval [d(k), d(nm + 1 - k)], k as large as keeps the coverage
// at least `confidence`; `level` is the coverage the interval has (less than asked for when
// even [min, max] of the differences cannot reach it).
struct ShiftEstimate {
  double shift = 0;
  double low = 0;
  double high = 0;
  double level = 0;
};
ShiftEstimate hodges_lehmann(std::span<const double> x, std::span<const double> y,
                             double confidence = 0.95);

// Adjusted p-values for testing all of `p` at once: Benjamini-Hochberg's q (false discovery
// rate) and Holm's step-down (family-wise error), in the order given.
std::vector<double> benjamini_hochberg(std::span<const double> p);
std::vector<double> holm(std::span<const double> p);

}  // namespace mpibench
