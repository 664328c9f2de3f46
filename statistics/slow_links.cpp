#include "statistics/slow_links.hpp"

#include <algorithm>
#include <cmath>

#include "statistics/stats.hpp"
#include "statistics/two_sample_stats.hpp"

namespace mpibench {
namespace {

double mad_of(const std::vector<double>& values, double median) {
  std::vector<double> deviations;
  for (const double v : values) deviations.push_back(std::abs(v - median));
  return median_of(deviations);
}

// Whether `value` is worse than `median` by at least the rule's minimum change.
bool relatively_worse(double value, double median, const SlowLinkRule& rule) {
  const double worse = rule.higher_is_better ? median - value : value - median;
  return worse > rule.min_change * std::abs(median);
}

// Whether `value` is far worse than `median` by the rule: also beyond the fence.
bool far_worse(double value, double median, double mad, const SlowLinkRule& rule) {
  constexpr double normal_scale = 1.4826;
  const double worse = rule.higher_is_better ? median - value : value - median;
  return worse > rule.fence * normal_scale * mad && relatively_worse(value, median, rule);
}

// What both sorted lists hold; what only `first` holds goes to `cleared`.
template <class T>
std::vector<T> flagged_twice(const std::vector<T>& first, const std::vector<T>& second, std::vector<T>& cleared) {
  std::vector<T> both;
  for (const T& item : first) {
    (std::binary_search(second.begin(), second.end(), item) ? both : cleared).push_back(item);
  }
  return both;
}

}  // namespace

SlowLinks find_slow_links(std::span<const LinkValue> links, int endpoints, const SlowLinkRule& rule) {
  SlowLinks result;
  // Hosts: each host's links against the links that do not touch it, by a one-sided (exact while small)
  // rank test (Holm-corrected over the hosts) and by how much worse their median is.
  std::vector<double> p;
  std::vector<int> tested;
  std::vector<bool> worse_enough;
  for (int host = 0; host < endpoints; ++host) {
    std::vector<double> touching;
    std::vector<double> others;
    for (const LinkValue& link : links) (link.a == host || link.b == host ? touching : others).push_back(link.value);
    if (touching.empty() || others.empty()) continue;
    const RankTest test = mann_whitney(touching, others);
    p.push_back(rule.higher_is_better ? test.p_less : test.p_greater);
    tested.push_back(host);
    worse_enough.push_back(relatively_worse(median_of(touching), median_of(others), rule));
  }
  const std::vector<double> adjusted = holm(p);
  for (std::size_t i = 0; i < tested.size(); ++i) {
    if (adjusted[i] < rule.alpha && worse_enough[i]) result.hosts.push_back(tested[i]);
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
    const LinkValue& link = links[i];
    // Far from the reference links, or through a slow host and worse than them by the
    // minimum change; either way, also at the favourable end of its own interval.
    const auto slow = [&](double value) {
      if (std::isnan(value)) return true;
      if (slow_host(link.a) || slow_host(link.b)) return relatively_worse(value, result.reference_median, rule);
      return far_worse(value, result.reference_median, result.reference_mad, rule);
    };
    if (slow(link.value) && slow(link.best)) result.links.push_back(i);
  }
  return result;
}

SlowLinks confirm_slow_links(std::span<const LinkValue> first, std::span<const LinkValue> again,
                             int endpoints, const SlowLinkRule& rule) {
  const SlowLinks before = find_slow_links(first, endpoints, rule);
  const auto better = [&](double x, double y) {
    if (std::isnan(x)) return y;
    if (std::isnan(y)) return x;
    return rule.higher_is_better ? std::max(x, y) : std::min(x, y);
  };
  std::vector<LinkValue> combined(first.begin(), first.end());
  for (LinkValue& link : combined) {
    for (const LinkValue& second : again) {
      if (second.a != link.a || second.b != link.b) continue;
      link.value = better(link.value, second.value);
      link.best = better(link.best, second.best);
    }
  }
  SlowLinks after = find_slow_links(combined, endpoints, rule);
  after.hosts = flagged_twice(before.hosts, after.hosts, after.cleared_hosts);
  after.links = flagged_twice(before.links, after.links, after.cleared_links);
  return after;
}

}  // namespace mpibench
