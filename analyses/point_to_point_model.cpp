#include "analyses/point_to_point_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "statistics/stats.hpp"
#include "analyses/launch_observations.hpp"

namespace mpibench {
namespace {

constexpr std::size_t min_sizes = 3;

// With several launches: the median of their own fits and their range (the fit of the
// medians can fall outside that range, which would read as a contradiction); with one, the
// fit's value and its standard errors.
Estimate estimate(double value, double se, const std::vector<double>& per_launch) {
  if (per_launch.size() < 2) return {value, value - 1.96 * se, value + 1.96 * se};
  const auto [low, high] = std::minmax_element(per_launch.begin(), per_launch.end());
  return {median_of(per_launch), *low, *high};
}

}  // namespace

bool is_ping_pong(std::string_view pattern) { return pattern == "pingpong" || pattern.rfind("pingpong-", 0) == 0; }

std::string spread_text(std::size_t launches) {
  if (launches >= 2) return fmt::format("[min, max] of the {} launches' own fits", launches);
  return "one launch: +-1.96 standard errors of the fit, which leave out launch-to-launch spread "
         "(give several launches)";
}

std::vector<PointToPointModel> fit_point_to_point(const std::vector<ResultFile>& launches) {
  std::vector<std::string> left_out;
  const auto matched_on = shared_configuration(launches, left_out);
  // configuration -> bytes -> one median per launch
  std::map<std::string, std::map<double, std::vector<double>>> by_configuration;
  for (const ResultFile& launch : launches) {
    for (const auto& [key, observation] : observations(launch, matched_on)) {
      if (!is_ping_pong(key.first.substr(0, key.first.find(' ')))) continue;
      by_configuration[key.first][static_cast<double>(key.second)].push_back(observation.median_us);
    }
  }
  if (by_configuration.empty()) {
    throw UnusableInput(fmt::format(
        "no pingpong rows in {}: the model is fitted to pingpong's one-way latency (run `mpibench "
        "pingpong --sizes 0:4M -o pp.csv`)",
        launches.size() == 1 ? fmt::format("'{}'", launches.front().path) : "the files given"));
  }
  std::vector<PointToPointModel> models;
  for (const auto& [configuration, sizes] : by_configuration) {
    PointToPointModel model;
    model.configuration = configuration;
    model.launches = launches.size();
    for (const auto& [bytes, medians] : sizes) {
      if (medians.size() == launches.size()) model.points.push_back({bytes, median_of(medians)});
    }
    if (model.points.size() < min_sizes) {
      throw UnusableInput(fmt::format(
          "{}: {} size{} measured by every launch; a fit needs at least {} (e.g. --sizes 0:4M)", configuration,
          model.points.size(), model.points.size() == 1 ? "" : "s", min_sizes));
    }
    model.fit = fit_hockney(model.points);
    std::vector<double> cuts;
    for (std::size_t s = 1; s < model.fit.segments.size(); ++s) cuts.push_back(model.fit.segments[s].first_bytes);
    std::vector<HockneyFit> own;  // each launch, at the same breakpoints
    if (launches.size() >= 2) {
      for (std::size_t l = 0; l < launches.size(); ++l) {
        std::vector<SizeTime> points;
        for (const SizeTime& p : model.points) points.push_back({p.bytes, sizes.at(p.bytes)[l]});
        own.push_back(fit_hockney_at(points, cuts));
      }
    }
    for (std::size_t s = 0; s < model.fit.segments.size(); ++s) {
      const Segment& g = model.fit.segments[s];
      std::vector<double> alphas, betas;
      for (const HockneyFit& f : own) {
        if (f.segments.size() != model.fit.segments.size()) continue;
        alphas.push_back(f.segments[s].alpha_us);
        betas.push_back(f.segments[s].beta_us_per_byte);
      }
      model.segments.push_back({g, estimate(g.alpha_us, g.alpha_se, alphas),
                                estimate(g.beta_us_per_byte, g.beta_se, betas)});
    }
    models.push_back(std::move(model));
  }
  return models;
}

}  // namespace mpibench
