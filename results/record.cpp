#include "results/record.hpp"

#include <fmt/format.h>

namespace mpibench {

Record& Record::set(std::string column, Cell value) {
  for (auto& [name, cell] : cells_) {
    if (name == column) {
      cell = std::move(value);
      return *this;
    }
  }
  cells_.emplace_back(std::move(column), std::move(value));
  return *this;
}

const Cell* Record::find(std::string_view column) const {
  for (const auto& [name, cell] : cells_) {
    if (name == column) return &cell;
  }
  return nullptr;
}

std::string format_cell(const Cell& cell) {
  struct Visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t v) const { return fmt::format("{}", v); }
    std::string operator()(double v) const { return fmt::format("{:.6g}", v); }
    std::string operator()(const std::string& v) const { return v; }
  };
  return std::visit(Visitor{}, cell);
}

const std::string* find_metadata(const Metadata& metadata, std::string_view key) {
  for (const auto& [k, v] : metadata) {
    if (k == key) return &v;
  }
  return nullptr;
}

namespace {

// Separators no cell holds: the ASCII unit, record and group separators.
constexpr char unit_separator = '\x1f';
constexpr char cell_separator = '\x1e';
constexpr char record_separator = '\x1d';

std::vector<std::string_view> split_on(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const auto at = text.find(separator);
    parts.push_back(text.substr(0, at));
    text = at == std::string_view::npos ? std::string_view{} : text.substr(at + 1);
  }
  return parts;
}

}  // namespace

std::string encode_records(const std::vector<Record>& records) {
  std::string text;
  for (const Record& record : records) {
    for (const auto& [column, cell] : record.cells()) {
      text += column;
      text += unit_separator;
      if (const auto* i = std::get_if<std::int64_t>(&cell)) text += fmt::format("i{}", *i);
      if (const auto* d = std::get_if<double>(&cell)) text += fmt::format("d{:a}", *d);
      if (const auto* t = std::get_if<std::string>(&cell)) text += "s" + *t;
      if (std::holds_alternative<std::monostate>(cell)) text += "n";
      text += cell_separator;
    }
    text += record_separator;
  }
  return text;
}

std::vector<Record> decode_records(std::string_view text) {
  std::vector<Record> records;
  for (const std::string_view encoded : split_on(text, record_separator)) {
    Record record;
    for (const std::string_view cell : split_on(encoded, cell_separator)) {
      const auto at = cell.find(unit_separator);
      const std::string column(cell.substr(0, at));
      const std::string_view value = cell.substr(at + 2);
      switch (cell[at + 1]) {
        case 'i': record.set(column, std::stoll(std::string(value))); break;
        case 'd': record.set(column, std::strtod(std::string(value).c_str(), nullptr)); break;
        case 's': record.set(column, std::string(value)); break;
        default: record.set(column, std::monostate{}); break;
      }
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace mpibench
