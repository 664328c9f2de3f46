#include "results/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace mpibench {
namespace {

using enum ColumnRole;
using enum ColumnType;

// Output order. The shared columns come first, each pattern's configuration columns after
// `bytes`, then the statistics, then the patterns' own results.
constexpr std::array columns{
    Column{"pattern", "", configuration, text, true},
    Column{"ranks", "", configuration, integer, false},
    Column{"bytes", "B", size, integer, true},
    Column{"window", "", configuration, integer, true},
    Column{"root", "", configuration, integer, true},
    Column{"root_bytes", "B", size, integer, true},
    Column{"op", "", configuration, text, true},
    Column{"type", "", configuration, text, true},
    Column{"elements", "", size, integer, true},
    Column{"workers", "", configuration, integer, true},
    Column{"prefetch", "", configuration, integer, true},
    Column{"work_us", "us", configuration, real, true},
    Column{"result_bytes", "B", configuration, integer, true},
    Column{"broker", "", configuration, text, true},
    Column{"samples", "", measurement, integer, true},
    Column{"ops_per_sample", "", measurement, integer, false},
    Column{"min_us", "us", measurement, real, true},
    Column{"median_us", "us", measurement, real, true},
    Column{"mean_us", "us", measurement, real, false},
    Column{"max_us", "us", measurement, real, true},
    Column{"p95_us", "us", measurement, real, true},
    Column{"p99_us", "us", measurement, real, false},
    Column{"ci_low_us", "us", measurement, real, false},
    Column{"ci_high_us", "us", measurement, real, false},
    Column{"ci_level", "", measurement, real, false},
    Column{"ci_rel", "", measurement, real, true},
    Column{"cv", "", measurement, real, false},
    Column{"outliers", "", measurement, integer, true},
    Column{"bandwidth_mb_s", "MB/s", result, real, true},
    Column{"rank_avg_us", "us", measurement, real, false},
    Column{"rank_min_us", "us", measurement, real, false},
    Column{"stop", "", measurement, text, false},
    Column{"sync", "", measurement, text, false},
    Column{"invalid", "", measurement, integer, false},
    Column{"repeat", "", replicate, integer, false},
    Column{"tasks_sent", "", result, integer, true},
    Column{"tasks_done", "", result, integer, true},
    Column{"tasks_lost", "", result, integer, true},
    Column{"tasks_per_s", "1/s", result, real, true},
    Column{"efficiency", "", result, real, true},
};

// Every row of every pattern has these; the rest only where a pattern declares them.
constexpr std::array<std::string_view, 24> always{
    "pattern", "ranks", "bytes", "samples", "ops_per_sample", "min_us", "median_us", "mean_us",
    "max_us", "p95_us", "p99_us", "ci_low_us", "ci_high_us", "ci_level", "ci_rel", "cv",
    "outliers", "bandwidth_mb_s", "rank_avg_us", "rank_min_us", "stop", "sync", "invalid", "repeat"};

constexpr std::array verdicts{
    Column{"configuration", "", configuration, text, true},
    Column{"bytes", "B", size, integer, true},
    Column{"baseline_launches", "", measurement, integer, false},
    Column{"candidate_launches", "", measurement, integer, false},
    Column{"baseline_us", "us", measurement, real, true},
    Column{"candidate_us", "us", measurement, real, true},
    Column{"change", "", result, real, true},
    Column{"change_low", "", result, real, true},
    Column{"change_high", "", result, real, true},
    Column{"change_level", "", result, real, false},
    Column{"p", "", result, real, false},
    Column{"q", "", result, real, true},
    Column{"verdict", "", result, text, true},
};

}  // namespace

std::span<const Column> verdict_columns() { return verdicts; }

std::string_view to_string(ColumnType type) {
  switch (type) {
    case text: return "text";
    case integer: return "integer";
    case real: return "real";
  }
  return "?";
}

std::string_view to_string(ColumnRole role) {
  switch (role) {
    case configuration: return "configuration";
    case size: return "size";
    case replicate: return "replicate";
    case measurement: return "measurement";
    case result: return "result";
  }
  return "?";
}

std::span<const Column> declared_columns() { return columns; }

const Column& column_named(std::string_view name) {
  for (const Column& column : columns) {
    if (column.name == name) return column;
  }
  throw std::logic_error(fmt::format("column '{}' is not declared in results/schema.cpp", name));
}

std::vector<Column> run_columns(const std::vector<std::string_view>& used) {
  for (const std::string_view name : used) column_named(name);  // undeclared: a bug
  std::vector<Column> chosen;
  for (const Column& column : columns) {
    const auto listed = [&](auto& names) {
      return std::find(names.begin(), names.end(), column.name) != names.end();
    };
    if (listed(always) || listed(used)) {
      chosen.push_back(column);
    }
  }
  return chosen;
}

std::string describe_columns(std::span<const Column> run) {
  std::string text;
  for (const Column& column : run) {
    if (!text.empty()) text += ' ';
    text += fmt::format("{}:{}:{}:{}", column.name, to_string(column.role),
                        column.unit.empty() ? "-" : column.unit, to_string(column.type));
  }
  return text;
}

}  // namespace mpibench
