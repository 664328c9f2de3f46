#include "results/table_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "results/units.hpp"

namespace mpibench {
namespace {

// Columns that stay in the CSV only: the table is for scanning, the CSV for analysis.
constexpr std::array<std::string_view, 14> csv_only = {
    "mean_us", "p99_us", "ci_low_us", "ci_high_us", "ci_level",
    "rank_avg_us", "rank_min_us", "stop", "ranks", "ops_per_sample", "sync", "cv", "invalid",
    "repeat"};

// Four significant figures without an exponent: what a reader compares at a glance.
std::string readable(double v) {
  const double a = v < 0 ? -v : v;
  if (a >= 1000) return fmt::format("{:.0f}", v);
  if (a >= 100) return fmt::format("{:.1f}", v);
  if (a >= 10) return fmt::format("{:.2f}", v);
  return fmt::format("{:.3f}", v);
}

std::string table_cell(std::string_view column, const Cell& cell) {
  if (column == "bytes") {
    if (const auto* v = std::get_if<std::int64_t>(&cell)) {
      return to_string(Bytes{static_cast<std::uint64_t>(*v)});
    }
  }
  if (const auto* v = std::get_if<double>(&cell)) return readable(*v);
  return format_cell(cell);
}

}  // namespace

void TableWriter::begin(const Metadata& metadata, const std::vector<std::string>& columns) {
  for (const char* key : {"mpi_library", "ranks_launched", "hosts", "timer", "oversubscribed"}) {
    if (const std::string* value = find_metadata(metadata, key)) {
      const std::string_view first_line = std::string_view(*value).substr(0, value->find('\n'));
      fmt::print(out_, "# {}: {}\n", key, first_line.substr(0, 120));
    }
  }
  shown_.clear();
  for (const std::string& column : columns) {
    if (std::find(csv_only.begin(), csv_only.end(), column) != csv_only.end()) continue;
    if (column == "median_us") {
      shown_.push_back({column, "median_us", 10});
      shown_.push_back({"ci95", "ci95_us", 19});
      continue;
    }
    shown_.push_back({column, column, std::max<std::size_t>(column.size(), 9)});
  }
  printed_.clear();
  std::fflush(out_);
}

// A row shows the columns it has values for; when that set changes (the next pattern of
// an `all` run), a new header comes first, so each pattern's block reads on its own.
void TableWriter::row(const Record& record) {
  std::vector<const Shown*> visible;
  for (const Shown& s : shown_) {
    const Cell* cell = record.find(s.column == "ci95" ? "ci_low_us" : s.column);
    if (cell != nullptr && !std::holds_alternative<std::monostate>(*cell)) visible.push_back(&s);
  }
  if (visible != printed_) {
    std::string header;
    for (const Shown* s : visible) header += fmt::format("{:>{}} ", s->header, s->width);
    fmt::print(out_, "{}{}\n", printed_.empty() ? "" : "\n", header);
    printed_ = visible;
  }
  std::string line;
  for (const Shown* shown : visible) {
    const Shown& s = *shown;
    std::string text;
    if (s.column == "ci95") {
      const Cell* low = record.find("ci_low_us");
      const Cell* high = record.find("ci_high_us");
      if (low != nullptr && high != nullptr) {
        text = fmt::format("[{}, {}]", table_cell("", *low), table_cell("", *high));
      }
    } else if (const Cell* cell = record.find(s.column)) {
      text = table_cell(s.column, *cell);
    }
    line += fmt::format("{:>{}} ", text, s.width);
  }
  fmt::print(out_, "{}\n", line);
  std::fflush(out_);
}

void TableWriter::note(std::string_view key, std::string_view text) {
  fmt::print(out_, "# {}: {}\n", key, text);
  std::fflush(out_);
}

void TableWriter::finish(std::optional<std::string_view> incomplete_reason) {
  if (incomplete_reason) fmt::print(out_, "# incomplete: {}\n", *incomplete_reason);
  std::fflush(out_);
}

}  // namespace mpibench
