#include "statistics/stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace mpibench {

double percentile_sorted(std::span<const double> sorted, double p) {
  if (sorted.empty()) throw std::invalid_argument("percentile of no samples");
  const double h = static_cast<double>(sorted.size() - 1) * std::clamp(p, 0.0, 1.0);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

MedianCi median_ci_sorted(std::span<const double> sorted, double confidence) {
  if (sorted.empty()) throw std::invalid_argument("confidence interval of no samples");
  const std::size_t n = sorted.size();
  const auto dn = static_cast<double>(n);
  const double tail = (1.0 - confidence) / 2.0;
  // Coverage of [x(j), x(n+1-j)] is 1 - 2 P(B <= j-1); the widest j whose lower tail stays
  // within `tail` gives the narrowest interval. The binomial CDF is summed in log space
  // (2^-n underflows past n = 1074), from where its terms stop being negligible (below
  // n/2 - 8 sqrt(n) they add up to less than 1e-13), so large n costs O(sqrt(n)).
  const auto log_pmf_at = [&](double i) {
    return std::lgamma(dn + 1) - std::lgamma(i + 1) - std::lgamma(dn - i + 1) - dn * std::log(2.0);
  };
  const double skip = std::max(0.0, std::floor(dn / 2 - 8 * std::sqrt(dn)));
  auto i = static_cast<std::size_t>(skip);
  double log_pmf = log_pmf_at(skip);
  double cdf = 0;
  std::size_t j = 1;
  double cdf_below_j = std::exp(log_pmf_at(0));  // P(B <= 0), the tail of [min, max]
  for (; i < n; ++i) {
    cdf += std::exp(log_pmf);
    if (cdf > tail || 2 * (i + 1) > n + 1) break;
    j = i + 1;
    cdf_below_j = cdf;
    log_pmf += std::log(dn - static_cast<double>(i)) - std::log(static_cast<double>(i + 1));
  }
  MedianCi ci;
  ci.low = sorted[j - 1];
  ci.high = sorted[n - j];
  ci.level = std::clamp(1.0 - 2.0 * cdf_below_j, 0.0, 1.0);
  return ci;
}

double median_of(std::span<const double> values) {
  if (values.empty()) return 0;
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  return percentile_sorted(sorted, 0.5);
}

Summary summarize(std::span<const double> samples) {
  if (samples.empty()) throw std::invalid_argument("summary of no samples");
  std::vector<double> sorted(samples.begin(), samples.end());
  std::sort(sorted.begin(), sorted.end());
  Summary s;
  s.count = sorted.size();
  s.min = sorted.front();
  s.max = sorted.back();
  s.mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(s.count);
  s.median = percentile_sorted(sorted, 0.5);
  s.p95 = percentile_sorted(sorted, 0.95);
  s.p99 = percentile_sorted(sorted, 0.99);
  if (s.count > 1) {
    double squares = 0;
    for (const double x : sorted) squares += (x - s.mean) * (x - s.mean);
    s.stddev = std::sqrt(squares / static_cast<double>(s.count - 1));
  }
  s.cv = s.mean != 0 ? s.stddev / s.mean : 0;
  s.median_ci = median_ci_sorted(sorted);
  return s;
}

Fences tukey_fences_sorted(std::span<const double> sorted) {
  const double q1 = percentile_sorted(sorted, 0.25);
  const double q3 = percentile_sorted(sorted, 0.75);
  const double reach = 1.5 * (q3 - q1);
  return {q1 - reach, q3 + reach};
}

namespace {
Fences fences_of(std::span<const double> samples) {
  std::vector<double> sorted(samples.begin(), samples.end());
  std::sort(sorted.begin(), sorted.end());
  return tukey_fences_sorted(sorted);
}
}  // namespace

std::size_t count_outliers(std::span<const double> samples) {
  if (samples.empty()) return 0;
  const Fences f = fences_of(samples);
  return static_cast<std::size_t>(std::count_if(samples.begin(), samples.end(), [&](double x) {
    return x < f.low || x > f.high;
  }));
}

std::vector<double> without_outliers(std::span<const double> samples) {
  if (samples.empty()) return {};
  const Fences f = fences_of(samples);
  std::vector<double> kept;
  for (const double x : samples) {
    if (x >= f.low && x <= f.high) kept.push_back(x);
  }
  return kept;
}

}  // namespace mpibench
