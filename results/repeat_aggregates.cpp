#include "results/repeat_aggregates.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mpibench {

std::vector<RepeatAggregate> repeat_aggregates(std::span<const Record> rows, std::span<const Column> columns) {
  std::vector<std::pair<Record, std::vector<double>>> groups;
  for (const Record& row : rows) {
    const Cell* median = row.find("median_us");
    if (median == nullptr || !std::holds_alternative<double>(*median)) continue;
    Record configuration;
    for (const Column& column : columns) {
      if (column.role != ColumnRole::configuration && column.role != ColumnRole::size) continue;
      const Cell* cell = row.find(column.name);
      if (cell != nullptr && !std::holds_alternative<std::monostate>(*cell)) configuration.set(std::string(column.name), *cell);
    }
    auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first.cells() == configuration.cells(); });
    if (group == groups.end()) group = groups.insert(groups.end(), {std::move(configuration), {}});
    group->second.push_back(std::get<double>(*median));
  }
  std::vector<RepeatAggregate> aggregates;
  for (auto& [configuration, medians] : groups) {
    if (medians.size() >= 2) aggregates.push_back({std::move(configuration), summarize(medians)});
  }
  return aggregates;
}

std::string to_string(const RepeatAggregate& aggregate) {
  std::string key;
  for (const auto& [column, cell] : aggregate.configuration.cells()) {
    if (!key.empty()) key += ' ';
    key += column == "pattern" ? format_cell(cell) : column + "=" + format_cell(cell);
  }
  const Summary& s = aggregate.medians_us;
  return fmt::format("{}: median {:.4g} us over {} repeats, spread {:.2f}%, cv {:.2f}%", key, s.median, s.count,
                     s.median > 0 ? (s.max - s.min) / s.median * 100 : 0.0, s.cv * 100);
}

}  // namespace mpibench
