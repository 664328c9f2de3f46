#include "bench/harness/relayed_rows.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "toolkit/errors.hpp"

namespace mpibench {
namespace {

// The figures, one line a row, before the cells; the ASCII file separator between them, a
// character neither holds.
constexpr char figures_end = '\x1c';

double parse_double(std::string_view text) {
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) throw RunError(fmt::format("relayed row: unreadable figure '{}'", copy));
  return value;
}

}  // namespace

std::string encode_rows(std::span<const BuiltRow> rows) {
  std::string text;
  std::vector<Record> records;
  for (const BuiltRow& row : rows) {
    const RowFigures& f = row.figures;
    text += fmt::format("{:a} {:a} {}\n", f.median_us, f.ci_low_us,
                        f.bandwidth_mb_s ? fmt::format("{:a}", *f.bandwidth_mb_s) : std::string("-"));
    records.push_back(row.record);
  }
  return text + figures_end + encode_records(records);
}

std::vector<BuiltRow> decode_rows(std::string_view text) {
  const auto end = text.find(figures_end);
  if (end == std::string_view::npos) throw RunError("relayed rows: no figures");
  std::vector<Record> records = decode_records(text.substr(end + 1));
  std::vector<BuiltRow> rows;
  std::string_view lines = text.substr(0, end);
  for (Record& record : records) {
    const auto eol = lines.find('\n');
    if (eol == std::string_view::npos) throw RunError("relayed rows: fewer figures than rows");
    const std::string_view line = lines.substr(0, eol);
    lines.remove_prefix(eol + 1);
    const auto first = line.find(' ');
    const auto second = line.find(' ', first + 1);
    if (second == std::string_view::npos) throw RunError(fmt::format("relayed row: unreadable figures '{}'", line));
    BuiltRow row{std::move(record), {}};
    row.figures.median_us = parse_double(line.substr(0, first));
    row.figures.ci_low_us = parse_double(line.substr(first + 1, second - first - 1));
    const std::string_view rate = line.substr(second + 1);
    if (rate != "-") row.figures.bandwidth_mb_s = parse_double(rate);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace mpibench
