#pragma once
// Test helpers shared by the writer tests: golden files and declared columns by name.
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "results/schema.hpp"

namespace mpibench::testing {

inline std::string golden(const std::string& name) {
  std::ifstream in(std::string(MPIBENCH_GOLDEN_DIR) + "/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Shared columns by name, and a few patterns' columns as the patterns declare them.
inline std::vector<Column> columns(std::initializer_list<std::string_view> names) {
  const Column pattern_columns[] = {
      {"window", "", ColumnRole::configuration, ColumnType::integer, true},
      {"root", "", ColumnRole::configuration, ColumnType::integer, true},
      {"root_bytes", "B", ColumnRole::size, ColumnType::integer, true},
      {"op", "", ColumnRole::configuration, ColumnType::text, true},
  };
  std::vector<Column> declared;
  for (const std::string_view name : names) {
    bool found = false;
    for (const Column& column : pattern_columns) {
      if (column.name == name) {
        declared.push_back(column);
        found = true;
      }
    }
    if (!found) declared.push_back(column_named(name));
  }
  return declared;
}

}  // namespace mpibench::testing
