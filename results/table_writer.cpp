#include "results/table_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "results/units.hpp"

namespace mpibench {
namespace {

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

std::string TableWriter::begin(const Metadata& metadata, std::span<const Column> columns) {
  std::string text;
  for (const char* key : {"mpi_library", "ranks_launched", "hosts", "timer", "oversubscribed"}) {
    if (const std::string* value = find_metadata(metadata, key)) {
      const std::string_view first_line = std::string_view(*value).substr(0, value->find('\n'));
      text += fmt::format("# {}: {}\n", key, first_line.substr(0, 120));
    }
  }
  if (beside_files_) text += "# the main columns; every column is in the files written (-q: no table)\n";
  shown_.clear();
  for (const Column& column : columns) {
    if (!column.in_table) continue;
    const bool main = column.role != ColumnRole::measurement || column.name == "median_us";
    if (beside_files_ && !main) continue;
    const std::string name(column.name);
    if (name == "median_us") {
      shown_.push_back({name, "median_us", 10});
      shown_.push_back({"ci", "median_ci_us", 24});
      continue;
    }
    shown_.push_back({name, name, std::max<std::size_t>(name.size(), 9)});
  }
  printed_.clear();
  return text;
}

// A row shows the columns it has values for; when that set changes (the next pattern of
// an `all` run), a new header comes first, so each pattern's block reads on its own.
std::string TableWriter::row(const Record& record) {
  std::vector<const Shown*> visible;
  for (const Shown& s : shown_) {
    const Cell* cell = record.find(s.column == "ci" ? "ci_low_us" : s.column);
    if (cell != nullptr && !std::holds_alternative<std::monostate>(*cell)) visible.push_back(&s);
  }
  std::string line;
  if (visible != printed_) {
    line += printed_.empty() ? "" : "\n";
    for (const Shown* s : visible) line += fmt::format("{:>{}} ", s->header, s->width);
    line += '\n';
    printed_ = visible;
  }
  for (const Shown* shown : visible) {
    const Shown& s = *shown;
    std::string text;
    if (s.column == "ci") {
      const Cell* low = record.find("ci_low_us");
      const Cell* high = record.find("ci_high_us");
      if (low != nullptr && high != nullptr) {
        text = fmt::format("[{}, {}]", table_cell("", *low), table_cell("", *high));
      }
      // The interval covers at least 95% unless the samples were too few for that: then it
      // says the level it reached (5 samples reach 93.75%).
      const Cell* level = record.find("ci_level");
      const auto* reached = level ? std::get_if<double>(level) : nullptr;
      if (reached && *reached < 0.95 - 1e-9) text += fmt::format(" {:.4g}%", *reached * 100);
    } else if (const Cell* cell = record.find(s.column)) {
      text = table_cell(s.column, *cell);
    }
    line += fmt::format("{:>{}} ", text, s.width);
  }
  return line + '\n';
}

std::string TableWriter::note(std::string_view key, std::string_view text) {
  // Verdicts, notes and warnings are printed on stderr already ("mpibench: verdict: ..."):
  // once on a terminal. The machines' load is for the files; a busy one is a warning.
  if (key == "verdict" || key == "note" || key == "warning" || key == "load") return {};
  return fmt::format("# {}: {}\n", key, text);
}

std::string TableWriter::finish(std::optional<std::string_view> incomplete_reason) const {
  return incomplete_reason ? fmt::format("# incomplete: {}\n", *incomplete_reason) : std::string();
}

}  // namespace mpibench
