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

}  // namespace mpibench
