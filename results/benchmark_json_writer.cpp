#include "results/benchmark_json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mpibench {
namespace {

std::string json_value(const Cell& cell) {
  struct Visitor {
    std::string operator()(std::monostate) const { return "null"; }
    std::string operator()(std::int64_t v) const { return fmt::format("{}", v); }
    std::string operator()(double v) const { return fmt::format("{:.6g}", v); }
    std::string operator()(const std::string& v) const { return json_string(v); }
  };
  return std::visit(Visitor{}, cell);
}

bool is_number(const Cell& cell) {
  return std::holds_alternative<double>(cell) || std::holds_alternative<std::int64_t>(cell);
}

}  // namespace

std::string json_string(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': quoted += "\\\""; break;
      case '\\': quoted += "\\\\"; break;
      case '\n': quoted += "\\n"; break;
      case '\t': quoted += "\\t"; break;
      case '\r': quoted += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          quoted += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          quoted += c;
        }
    }
  }
  return quoted + "\"";
}

std::string BenchmarkJsonWriter::begin(const Metadata& metadata, std::span<const Column> columns) {
  columns_.assign(columns.begin(), columns.end());
  for (const auto& [key, value] : metadata) {
    // Google Benchmark's own context keys where mpibench has the same fact.
    const std::string name = key == "date_utc" ? "date" : key == "hosts" ? "host_name" : key;
    context_.emplace_back(name, json_string(value));
  }
  context_.emplace_back("library_build_type", json_string("release"));
  return "{\n  \"benchmarks\": [";
}

std::string BenchmarkJsonWriter::row(const Record& record) {
  const auto text = [&](std::string_view column) {
    const Cell* cell = record.find(column);
    return cell == nullptr ? std::string() : format_cell(*cell);
  };
  // The configuration columns and the repeat name the benchmark; the size and the ranks end
  // the name, as Google Benchmark puts its arguments last.
  std::string name = text("pattern");
  for (const Column& column : columns_) {
    if (column.role != ColumnRole::configuration || column.name == "pattern" || column.name == "ranks") continue;
    const Cell* cell = record.find(column.name);
    if (cell == nullptr || std::holds_alternative<std::monostate>(*cell)) continue;
    name += fmt::format("/{}:{}", column.name, format_cell(*cell));
  }
  if (const std::string repeat = text("repeat"); !repeat.empty() && repeat != "1") {
    name += "/repeat:" + repeat;
  }
  name += fmt::format("/bytes:{}/ranks:{}", text("bytes"), text("ranks"));

  std::string entry = fmt::format(
      "{0}\n    {{\"name\": {1}, \"run_name\": {1}, \"run_type\": \"iteration\", \"repetitions\": 1, "
      "\"repetition_index\": 0, \"threads\": 1, \"iterations\": {2}, \"real_time\": {3}, "
      "\"cpu_time\": {3}, \"time_unit\": \"us\"",
      rows_ == 0 ? "" : ",", json_string(name), text("samples").empty() ? "0" : text("samples"),
      text("median_us").empty() ? "0" : text("median_us"));
  if (const Cell* bw = record.find("bandwidth_mb_s"); bw != nullptr && std::holds_alternative<double>(*bw)) {
    entry += fmt::format(", \"bytes_per_second\": {:.6g}", std::get<double>(*bw) * 1e6);
  }
  for (const auto& [column, cell] : record.cells()) {
    if (column == "pattern" || column == "samples" || !is_number(cell)) continue;
    entry += fmt::format(", {}: {}", json_string(column), json_value(cell));
  }
  ++rows_;
  return entry + "}";
}

std::string BenchmarkJsonWriter::note(std::string_view key, std::string_view text) {
  auto found = std::find_if(notes_.begin(), notes_.end(), [&](const auto& n) { return n.first == key; });
  if (found == notes_.end()) found = notes_.insert(notes_.end(), {std::string(key), {}});
  found->second.push_back(json_string(text));
  return {};
}

std::string BenchmarkJsonWriter::finish(std::optional<std::string_view> incomplete_reason) const {
  std::string json = "\n  ],\n  \"context\": {";
  bool first = true;
  const auto add = [&](std::string_view key, const std::string& value) {
    json += fmt::format("{}\n    {}: {}", first ? "" : ",", json_string(key), value);
    first = false;
  };
  for (const auto& [key, value] : context_) add(key, value);
  // A note said several times (one per configuration) is one key with a list: JSON objects
  // must not repeat a key.
  for (const auto& [key, values] : notes_) {
    std::string list = "[";
    for (std::size_t i = 0; i < values.size(); ++i) list += (i == 0 ? "" : ", ") + values[i];
    add(key, values.size() == 1 ? values.front() : list + "]");
  }
  if (incomplete_reason) add("incomplete", json_string(*incomplete_reason));
  return json + "\n  }\n}\n";
}

}  // namespace mpibench
