#include "analyses/collective_prediction.hpp"

#include <fmt/format.h>

#include <limits>
#include <optional>

#include "statistics/collective_costs.hpp"
#include "statistics/stats.hpp"
#include "analyses/launch_observations.hpp"

namespace mpibench {
namespace {

std::string cell(const ResultFile& file, const std::vector<std::string>& row, std::string_view column) {
  const auto index = file.column(column);
  return index ? row[*index] : std::string();
}

std::string algorithms_of(std::string_view pattern) {
  std::string names;
  for (const CollectiveAlgorithm& a : collective_algorithms()) {
    if (a.pattern == pattern) names += fmt::format("{}{} (SMPI: {})", names.empty() ? "" : ", ", a.name, a.smpi_name);
  }
  return names;
}

// The algorithm a file's run used for `pattern`, in the cost models' names: the first word of
// its metadata's algorithm.<pattern> (real or simulated runs), or, in files written before
// that key, MPICH's control variable. Nothing when the library chose.
std::optional<std::string> pinned_algorithm(const ResultFile& file, const std::string& pattern) {
  if (const std::string* value = find_metadata(file.metadata, "algorithm." + pattern)) {
    if (value->empty() || value->starts_with("auto")) return std::nullopt;
    return value->substr(0, value->find(' '));
  }
  if (const std::string* value = find_metadata(file.metadata, "env." + algorithm_variable(pattern))) return *value;
  return std::nullopt;
}

}  // namespace

GammaByOperation fit_gamma(const std::vector<ResultFile>& files) {
  std::map<std::pair<std::string, std::string>, std::map<double, std::vector<double>>> points;
  for (const ResultFile& file : files) {
    for (const auto& row : file.rows) {
      if (cell(file, row, "pattern") != "reduce_local") continue;
      points[{cell(file, row, "op"), cell(file, row, "type")}][number(cell(file, row, "bytes"))].push_back(
          number(cell(file, row, "median_us")));
    }
  }
  GammaByOperation gamma;
  for (const auto& [operation, by_size] : points) {
    std::vector<SizeTime> line;
    for (const auto& [bytes, times] : by_size) line.push_back({bytes, median_of(times)});
    if (line.size() >= 2) gamma[operation] = fit_hockney_at(line, {}).segments.front().beta_us_per_byte;
  }
  return gamma;
}

PredictionReport predict_collectives(const HockneyFit& point_to_point, const GammaByOperation& gamma,
                                     const std::vector<ResultFile>& measured) {
  PredictionReport report;
  for (const ResultFile& file : measured) {
    std::map<std::string, bool> noted;
    // A simulation that charges no arithmetic has gamma 0: nothing to measure.
    const std::string* computation = find_metadata(file.metadata, "simulated_computation");
    const bool free_arithmetic = computation != nullptr && computation->starts_with("free");
    for (const auto& row : file.rows) {
      const std::string pattern = cell(file, row, "pattern");
      if (!has_cost_model(pattern)) continue;
      const std::string variable = algorithm_variable(pattern);
      const auto pinned = pinned_algorithm(file, pattern);
      const CollectiveAlgorithm* algorithm = pinned ? find_algorithm(pattern, *pinned) : nullptr;
      if (algorithm == nullptr) {
        if (!noted[pattern]) {
          report.notes.push_back(
              pinned ? fmt::format("{} in '{}': no model for algorithm {} (modelled: {})", pattern, file.path,
                                   *pinned, algorithms_of(pattern))
                     : fmt::format("{} in '{}' not predicted: its run did not pin the algorithm; run it with "
                                   "{} (or, under SimGrid, smpi/{}) set to one of {}",
                                   pattern, file.path, variable, pattern, algorithms_of(pattern)));
          noted[pattern] = true;
        }
        continue;
      }
      CostInputs inputs{[&](double bytes) { return point_to_point.predict_us(bytes); }, 0};
      if ((pattern == "reduce" || pattern == "allreduce") && !free_arithmetic) {
        const auto found = gamma.find({cell(file, row, "op"), cell(file, row, "type")});
        if (found == gamma.end()) {
          if (!noted[pattern]) {
            report.notes.push_back(fmt::format(
                "{} in '{}' not predicted: no reduce_local rows for --op {} --type {} among the files fitted "
                "(gamma is measured, not assumed: run mpibench reduce_local with them)",
                pattern, file.path, cell(file, row, "op"), cell(file, row, "type")));
            noted[pattern] = true;
          }
          continue;
        }
        inputs.gamma_us_per_byte = found->second;
      }
      Prediction p;
      p.pattern = pattern;
      p.ranks = static_cast<std::int64_t>(number(cell(file, row, "ranks")));
      if (p.ranks < 1 || p.ranks > std::numeric_limits<int>::max()) {
        throw UnusableInput(fmt::format("'{}': {} ranks: MPI counts ranks in an int (1 to {})", file.path, p.ranks,
                                        std::numeric_limits<int>::max()));
      }
      p.bytes = static_cast<std::int64_t>(number(cell(file, row, "bytes")));
      p.algorithm = std::string(algorithm->name);
      p.predicted_us = algorithm->cost_us(inputs, static_cast<int>(p.ranks), static_cast<double>(p.bytes));
      p.measured_us = number(cell(file, row, "median_us"));
      p.ratio = p.predicted_us > 0 ? p.measured_us / p.predicted_us : 0;
      report.rows.push_back(p);
    }
  }
  return report;
}

}  // namespace mpibench
