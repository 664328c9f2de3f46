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

inline std::vector<Column> columns(std::initializer_list<std::string_view> names) {
  std::vector<Column> declared;
  for (const std::string_view name : names) declared.push_back(column_named(name));
  return declared;
}

}  // namespace mpibench::testing
