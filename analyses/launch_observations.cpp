#include "analyses/launch_observations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "statistics/stats.hpp"

namespace mpibench {

double number(const std::string& text) {
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::set<std::string> shared_configuration(const std::vector<ResultFile>& files, std::vector<std::string>& left_out) {
  std::map<std::string, std::size_t> seen;
  for (const ResultFile& file : files) {
    for (const auto& column : file.columns) {
      if (column.role == ColumnRole::configuration) ++seen[column.name];
    }
  }
  std::set<std::string> shared;
  for (const auto& [name, count] : seen) {
    if (count == files.size()) {
      shared.insert(name);
    } else {
      left_out.push_back(name);
    }
  }
  return shared;
}

std::map<ObservationKey, Observation> observations(const ResultFile& file, const std::set<std::string>& matched_on) {
  const auto median_col = file.column("median_us");
  const auto bytes_col = file.column("bytes");
  if (!median_col || !bytes_col) {
    throw UnusableInput(fmt::format("'{}': no median_us or bytes column", file.path));
  }
  const auto low_col = file.column("ci_low_us");
  const auto high_col = file.column("ci_high_us");
  std::map<ObservationKey, std::vector<const std::vector<std::string>*>> grouped;
  for (const auto& row : file.rows) {
    std::string configuration;
    for (std::size_t i = 0; i < file.columns.size(); ++i) {
      if (file.columns[i].role != ColumnRole::configuration || row[i].empty() ||
          matched_on.count(file.columns[i].name) == 0) {
        continue;
      }
      if (!configuration.empty()) configuration += ' ';
      configuration += file.columns[i].name == "pattern" ? row[i] : fmt::format("{}={}", file.columns[i].name, row[i]);
    }
    grouped[{configuration, static_cast<std::int64_t>(number(row[*bytes_col]))}].push_back(&row);
  }
  std::map<ObservationKey, Observation> result;
  for (const auto& [key, rows] : grouped) {
    std::vector<double> medians, lows, highs;
    for (const auto* row : rows) {
      medians.push_back(number((*row)[*median_col]));
      lows.push_back(low_col ? number((*row)[*low_col]) : medians.back());
      highs.push_back(high_col ? number((*row)[*high_col]) : medians.back());
    }
    result[key] = {median_of(medians), median_of(lows), median_of(highs)};
  }
  return result;
}

}  // namespace mpibench
