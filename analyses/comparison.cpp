#include "analyses/comparison.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "statistics/stats.hpp"
#include "statistics/two_sample_stats.hpp"
#include "analyses/launch_observations.hpp"

namespace mpibench {
namespace {

// Metadata that must match for a comparison to mean what it says.
constexpr std::string_view compared_metadata[] = {
    "mpi_library", "ranks_launched", "nodes", "ranks_per_node", "hosts", "oversubscribed", "timer",
    "stop_rule", "sync", "warmup", "drop_outliers", "validate", "mpibench_version", "build_type",
    "compiler", "cxx_flags"};

std::vector<std::string> differences(const std::vector<ResultFile>& baseline, const std::vector<ResultFile>& candidate) {
  std::vector<std::string> warnings;
  for (const std::string_view key : compared_metadata) {
    const auto values = [&](const std::vector<ResultFile>& side) {
      std::set<std::string> found;
      for (const ResultFile& f : side) {
        const std::string* v = find_metadata(f.metadata, key);
        found.insert(v == nullptr ? "(none)" : *v);
      }
      return found;
    };
    const auto a = values(baseline);
    const auto b = values(candidate);
    if (a != b) {
      const auto join = [](const std::set<std::string>& s) {
        std::string text;
        for (const auto& v : s) text += (text.empty() ? "'" : ", '") + v.substr(0, 80) + "'";
        return text;
      };
      warnings.push_back(fmt::format("the sides differ in {}: baseline {}, candidate {}", key, join(a), join(b)));
    }
  }
  return warnings;
}

double log_time(double us) { return std::log(std::max(us, 1e-9)); }

}  // namespace

std::size_t launches_needed(std::size_t rows, double alpha) {
  std::size_t n = 1;
  while (static_cast<double>(rows) * smallest_rank_test_p(n, n) > alpha && n < 1000) ++n;
  return n;
}

Comparison compare_launches(const std::vector<ResultFile>& baseline, const std::vector<ResultFile>& candidate,
                            const CompareSettings& settings) {
  std::vector<ResultFile> all(baseline);
  all.insert(all.end(), candidate.begin(), candidate.end());
  std::vector<std::string> left_out;
  const auto matched_on = shared_configuration(all, left_out);
  std::vector<std::map<ObservationKey, Observation>> base, cand;
  for (const ResultFile& f : baseline) base.push_back(observations(f, matched_on));
  for (const ResultFile& f : candidate) cand.push_back(observations(f, matched_on));
  std::set<ObservationKey> in_base, in_cand;
  for (const auto& launch : base) {
    for (const auto& [key, o] : launch) in_base.insert(key);
  }
  for (const auto& launch : cand) {
    for (const auto& [key, o] : launch) in_cand.insert(key);
  }
  Comparison comparison;
  comparison.warnings = differences(baseline, candidate);
  for (const std::string& name : left_out) {
    comparison.warnings.push_back(fmt::format(
        "column {} is not in every file (written by another mpibench version?): rows are matched "
        "without it", name));
  }
  std::vector<ObservationKey> common;
  for (const ObservationKey& key : in_base) {
    if (in_cand.count(key)) {
      common.push_back(key);
    } else {
      comparison.only_in_baseline.push_back(fmt::format("{}, {} B", key.first, key.second));
    }
  }
  for (const ObservationKey& key : in_cand) {
    if (!in_base.count(key)) comparison.only_in_candidate.push_back(fmt::format("{}, {} B", key.first, key.second));
  }
  if (common.empty()) throw UnusableInput("the baseline and the candidate have no configuration in common");

  const std::size_t n_base = baseline.size();
  const std::size_t n_cand = candidate.size();
  const bool by_intervals = settings.single_launch && (n_base == 1 || n_cand == 1);
  const double smallest = static_cast<double>(common.size()) * smallest_rank_test_p(n_base, n_cand);
  if (!by_intervals && (n_base < 2 || n_cand < 2 || smallest > settings.alpha)) {
    // Every number the user needs at once: the fewest launches that can flag anything, and
    // what finds changes of a few percent.
    std::set<std::string> patterns;
    for (const ObservationKey& key : common) patterns.insert(key.first.substr(0, key.first.find(' ')));
    const std::size_t needed = launches_needed(common.size(), settings.alpha);
    const std::size_t recommended = std::max<std::size_t>(needed, patterns.size() > 1 ? 10 : 8);
    throw UnusableInput(fmt::format(
        "{} baseline and {} candidate launches cannot flag anything over {} rows (the smallest p they give "
        "is {:.3g}; times {} rows, above alpha {:g}): {} launches a side are the fewest that can, {} are "
        "recommended{}{}",
        n_base, n_cand, common.size(), smallest_rank_test_p(n_base, n_cand), common.size(), settings.alpha,
        needed, recommended, patterns.size() > 1 ? " for several patterns" : "",
        n_base == 1 || n_cand == 1 ? "; with one launch a side, --single-launch compares confidence intervals "
                                     "instead, and raises false alarms"
                                   : ""));
  }

  std::vector<double> p_slower, p_faster;
  for (const ObservationKey& key : common) {
    Verdict v;
    v.configuration = key.first;
    v.bytes = key.second;
    std::vector<double> b, c, b_us, c_us;
    Observation single_b{}, single_c{};
    for (const auto& launch : base) {
      if (auto it = launch.find(key); it != launch.end()) {
        b.push_back(log_time(it->second.median_us));
        b_us.push_back(it->second.median_us);
        single_b = it->second;
      }
    }
    for (const auto& launch : cand) {
      if (auto it = launch.find(key); it != launch.end()) {
        c.push_back(log_time(it->second.median_us));
        c_us.push_back(it->second.median_us);
        single_c = it->second;
      }
    }
    v.baseline_launches = b.size();
    v.candidate_launches = c.size();
    v.baseline_us = median_of(b_us);
    v.candidate_us = median_of(c_us);
    if (by_intervals) {
      v.change = v.baseline_us > 0 ? v.candidate_us / v.baseline_us - 1 : 0;
      v.change_low = v.change_high = v.change;
      const bool apart_slower = single_c.ci_low_us > single_b.ci_high_us;
      const bool apart_faster = single_c.ci_high_us < single_b.ci_low_us;
      v.p = v.q = (v.change > 0 ? apart_slower : apart_faster) ? 0 : 1;
      p_slower.push_back(apart_slower ? 0 : 1);
      p_faster.push_back(apart_faster ? 0 : 1);
    } else {
      const RankTest test = mann_whitney_exact(c, b);
      const ShiftEstimate shift = hodges_lehmann(c, b);
      v.change = std::exp(shift.shift) - 1;
      v.change_low = std::exp(shift.low) - 1;
      v.change_high = std::exp(shift.high) - 1;
      v.change_level = shift.level;
      p_slower.push_back(test.p_greater);
      p_faster.push_back(test.p_less);
      v.p = v.change >= 0 ? test.p_greater : test.p_less;
    }
    comparison.rows.push_back(v);
  }
  const auto correct = [&](const std::vector<double>& p) {
    return settings.correction == Correction::holm ? holm(p) : benjamini_hochberg(p);
  };
  const std::vector<double> q_slower = by_intervals ? p_slower : correct(p_slower);
  const std::vector<double> q_faster = by_intervals ? p_faster : correct(p_faster);
  for (std::size_t i = 0; i < comparison.rows.size(); ++i) {
    Verdict& v = comparison.rows[i];
    v.q = v.change >= 0 ? q_slower[i] : q_faster[i];
    if (v.change > settings.threshold && q_slower[i] <= settings.alpha) {
      v.verdict = "regression";
      ++comparison.regressions;
    } else if (v.change < -settings.threshold && q_faster[i] <= settings.alpha) {
      v.verdict = "improvement";
      ++comparison.improvements;
    }
  }
  return comparison;
}

}  // namespace mpibench
