#include "bench/statistics/slow_links.hpp"

#include <algorithm>
#include <cmath>

namespace mpibench {
namespace {

double median_of(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double mad_of(const std::vector<double>& values, double median) {
  std::vector<double> deviations;
  for (const double v : values) deviations.push_back(std::abs(v - median));
  return median_of(deviations);
}

// Whether `value` is far worse than `median` by the rule.
bool far_worse(double value, double median, double mad, const SlowLinkRule& rule) {
  constexpr double normal_scale = 1.4826;
  const double worse = rule.higher_is_better ? median - value : value - median;
  return worse > rule.fence * normal_scale * mad && worse > rule.min_change * std::abs(median);
}

}  // namespace

SlowLinks find_slow_links(std::span<const LinkValue> links, int endpoints, const SlowLinkRule& rule) {
  SlowLinks result;
  std::vector<std::vector<double>> per_host(static_cast<std::size_t>(std::max(endpoints, 0)));
  for (const LinkValue& link : links) {
    per_host[static_cast<std::size_t>(link.a)].push_back(link.value);
    per_host[static_cast<std::size_t>(link.b)].push_back(link.value);
  }
  std::vector<double> scores;
  std::vector<int> scored;
  for (int host = 0; host < endpoints; ++host) {
    if (per_host[static_cast<std::size_t>(host)].empty()) continue;
    scores.push_back(median_of(per_host[static_cast<std::size_t>(host)]));
    scored.push_back(host);
  }
  // With two hosts there is one link: nothing to tell a slow host from a slow link.
  if (scores.size() >= 3) {
    const double median = median_of(scores);
    const double mad = mad_of(scores, median);
    for (std::size_t i = 0; i < scores.size(); ++i) {
      if (far_worse(scores[i], median, mad, rule)) result.hosts.push_back(scored[i]);
    }
  }
  const auto slow_host = [&](int host) {
    return std::binary_search(result.hosts.begin(), result.hosts.end(), host);
  };
  std::vector<double> reference;
  for (const LinkValue& link : links) {
    if (!slow_host(link.a) && !slow_host(link.b)) reference.push_back(link.value);
  }
  if (reference.empty()) {
    for (const LinkValue& link : links) reference.push_back(link.value);
  }
  result.reference_median = median_of(reference);
  result.reference_mad = mad_of(reference, result.reference_median);
  for (std::size_t i = 0; i < links.size(); ++i) {
    if (far_worse(links[i].value, result.reference_median, result.reference_mad, rule)) result.links.push_back(i);
  }
  return result;
}

}  // namespace mpibench
