#include "bench/harness/repeat_summary.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bench/statistics/stats.hpp"

namespace mpibench {

std::vector<RepeatSpread> repeat_spread(const std::vector<Record>& records,
                                        const std::vector<std::string>& key_columns) {
  std::vector<std::pair<std::string, std::vector<double>>> groups;
  for (const Record& record : records) {
    std::string key;
    for (const std::string& column : key_columns) {
      const Cell* cell = record.find(column);
      if (cell == nullptr || std::holds_alternative<std::monostate>(*cell)) continue;
      if (!key.empty()) key += ' ';
      key += column == "pattern" ? format_cell(*cell) : column + "=" + format_cell(*cell);
    }
    const Cell* median = record.find("median_us");
    if (median == nullptr || !std::holds_alternative<double>(*median)) continue;
    auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (group == groups.end()) group = groups.insert(groups.end(), {key, {}});
    group->second.push_back(std::get<double>(*median));
  }
  std::vector<RepeatSpread> spreads;
  for (const auto& [key, medians] : groups) {
    if (medians.size() < 2) continue;
    const Summary s = summarize(medians);
    spreads.push_back({key, medians.size(), s.median, s.median > 0 ? (s.max - s.min) / s.median : 0, s.cv});
  }
  return spreads;
}

std::string to_string(const RepeatSpread& spread) {
  return fmt::format("{}: median {:.4g} us over {} repeats, spread {:.2f}%, cv {:.2f}%",
                     spread.configuration, spread.median_us, spread.repeats, spread.spread * 100,
                     spread.cv * 100);
}

}  // namespace mpibench
