#include "results/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace mpibench {
namespace {

using enum ColumnRole;
using enum ColumnType;

// The columns every row has, in output order. A pattern's configuration columns (declared in
// its definition) go after `bytes`, its result columns at the end.
constexpr std::array leading{
    Column{"pattern", "", configuration, text, true},
    Column{"ranks", "", configuration, integer, false},
    Column{"same_host", "", configuration, text, false},  // the ranks measured share a host
    Column{"bytes", "B", size, integer, true},
};
constexpr std::array trailing{
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
    Column{"between_us", "us", measurement, real, false},  // harness time between two samples (rank 0)
    Column{"stop", "", measurement, text, false},
    Column{"sync", "", measurement, text, false},
    Column{"invalid", "", measurement, integer, false},
    Column{"repeat", "", replicate, integer, false},
};

bool same(const Column& a, const Column& b) {
  return a.name == b.name && a.unit == b.unit && a.role == b.role && a.type == b.type &&
         a.in_table == b.in_table;
}

// Adds `column` unless a column of its name is there already; two different declarations
// of one name are a bug.
void add_once(std::vector<Column>& chosen, const Column& column) {
  for (const Column& present : chosen) {
    if (present.name != column.name) continue;
    if (!same(present, column)) {
      throw std::logic_error(fmt::format("column '{}' is declared twice, differently", column.name));
    }
    return;
  }
  chosen.push_back(column);
}

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

constexpr std::array predictions{
    Column{"pattern", "", configuration, text, true},
    Column{"ranks", "", configuration, integer, true},
    Column{"algorithm", "", configuration, text, true},
    Column{"bytes", "B", size, integer, true},
    Column{"predicted_us", "us", result, real, true},
    Column{"measured_us", "us", measurement, real, true},
    Column{"ratio", "", result, real, true},
};

constexpr std::array model_segments{
    Column{"configuration", "", configuration, text, true},
    Column{"segment", "", configuration, integer, true},
    Column{"first_bytes", "B", size, integer, true},
    Column{"last_bytes", "B", size, integer, true},
    Column{"points", "", measurement, integer, false},
    Column{"launches", "", measurement, integer, false},
    Column{"alpha_us", "us", result, real, true},
    Column{"alpha_low_us", "us", result, real, false},
    Column{"alpha_high_us", "us", result, real, false},
    Column{"beta_us_per_byte", "us/B", result, real, true},
    Column{"beta_low_us_per_byte", "us/B", result, real, false},
    Column{"beta_high_us_per_byte", "us/B", result, real, false},
    Column{"bandwidth_mb_s", "MB/s", result, real, true},
    Column{"n_half_bytes", "B", result, real, true},
    Column{"rms_residual", "", result, real, false},
    Column{"max_residual", "", result, real, false},
};

}  // namespace

std::span<const Column> verdict_columns() { return verdicts; }
std::span<const Column> model_columns() { return model_segments; }
std::span<const Column> prediction_columns() { return predictions; }

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

const Column& column_named(std::string_view name) {
  for (const auto group : {std::span<const Column>(leading), std::span<const Column>(trailing)}) {
    for (const Column& column : group) {
      if (column.name == name) return column;
    }
  }
  throw std::logic_error(fmt::format("column '{}' is not one every row has", name));
}

std::vector<Column> run_columns(std::span<const Column> configuration, std::span<const Column> results) {
  std::vector<Column> chosen;
  for (const auto& group : {std::span<const Column>(leading), configuration,
                            std::span<const Column>(trailing), results}) {
    for (const Column& column : group) add_once(chosen, column);
  }
  return chosen;
}

std::string columns_metadata(std::span<const Column> run) {
  std::string text;
  for (const Column& column : run) {
    if (!text.empty()) text += ' ';
    text += fmt::format("{}:{}:{}:{}", column.name, to_string(column.role),
                        column.unit.empty() ? "-" : column.unit, to_string(column.type));
  }
  return text;
}

}  // namespace mpibench
