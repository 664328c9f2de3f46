#include "results/benchmark_json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "statistics/stats.hpp"

namespace mpibench {
namespace {

std::string json_value(const Cell& cell) {
  struct Visitor {
    std::string operator()(std::monostate) const { return "null"; }
    std::string operator()(std::int64_t v) const { return fmt::format("{}", v); }
    // JSON has no NaN or infinity: a measurement that is not a number is null.
    std::string operator()(double v) const { return std::isfinite(v) ? fmt::format("{:.6g}", v) : "null"; }
    std::string operator()(const std::string& v) const { return json_string(v); }
  };
  return std::visit(Visitor{}, cell);
}

}  // namespace

std::string json_string(std::string_view text) {
  // nlohmann-json escapes what JSON requires and replaces bytes that are not UTF-8 (U+FFFD),
  // so no text makes the file unreadable.
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string BenchmarkJsonWriter::begin(const Metadata& metadata, std::span<const Column> columns) {
  columns_.assign(columns.begin(), columns.end());
  std::string build = "release";
  for (const auto& [key, value] : metadata) {
    // Google Benchmark's own context keys, typed as it types them, where mpibench has the
    // same fact; the rest as strings under mpibench's names.
    if (key == "usable_cores_per_node") context_.emplace_back("num_cpus", value);
    if (key == "build_type" && value != "Release" && value != "RelWithDebInfo" && value != "MinSizeRel") build = "debug";
    const std::string name = key == "date_utc" ? "date" : key == "hosts" ? "host_name" : key;
    context_.emplace_back(name, json_string(value));
  }
  context_.emplace_back("library_build_type", json_string(build));
  return "{\n  \"benchmarks\": [";
}

std::string BenchmarkJsonWriter::name_of(const Record& cells) const {
  const auto text = [&](std::string_view column) {
    const Cell* cell = cells.find(column);
    return cell == nullptr ? std::string() : format_cell(*cell);
  };
  // The configuration columns name the benchmark; the size and the ranks end the name, as
  // Google Benchmark puts its arguments last. Repeats share the name, as repetitions.
  std::string name = text("pattern");
  for (const Column& column : columns_) {
    if (column.role != ColumnRole::configuration || column.name == "pattern" || column.name == "ranks") continue;
    const Cell* cell = cells.find(column.name);
    if (cell == nullptr || std::holds_alternative<std::monostate>(*cell)) continue;
    name += fmt::format("/{}:{}", column.name, format_cell(*cell));
  }
  return name + fmt::format("/bytes:{}/ranks:{}", text("bytes"), text("ranks"));
}

std::string BenchmarkJsonWriter::row(const Record& record) {
  const auto text = [&](std::string_view column) {
    const Cell* cell = record.find(column);
    return cell == nullptr ? std::string() : format_cell(*cell);
  };
  const std::string name = name_of(record);
  const Cell* median = record.find("median_us");
  const double ns = median != nullptr && std::holds_alternative<double>(*median) ? std::get<double>(*median) * 1e3 : 0;
  const std::string repeat = text("repeat");
  // Google Benchmark's tools print integers of time_unit: nanoseconds keep sub-microsecond
  // latencies readable. mpibench measures no CPU time; cpu_time, which the tools require, is
  // the same wall time.
  std::string entry = fmt::format(
      "{0}\n    {{\"name\": {1}, \"run_name\": {1}, \"run_type\": \"iteration\", \"repetitions\": {2}, "
      "\"repetition_index\": {3}, \"threads\": 1, \"iterations\": {4}, \"real_time\": {5:.6g}, "
      "\"cpu_time\": {5:.6g}, \"time_unit\": \"ns\"",
      rows_ == 0 ? "" : ",", json_string(name), repetitions_, repeat.empty() ? 0 : std::stoi(repeat) - 1,
      text("samples").empty() ? "0" : text("samples"), ns);
  if (const Cell* bw = record.find("bandwidth_mb_s"); bw != nullptr && std::holds_alternative<double>(*bw)) {
    entry += fmt::format(", \"bytes_per_second\": {:.6g}", std::get<double>(*bw) * 1e6);
  }
  // Every cell as a field of its own, so that a reader gets the whole row back.
  for (const auto& [column, cell] : record.cells()) {
    if (std::holds_alternative<std::monostate>(cell)) continue;
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

std::string BenchmarkJsonWriter::aggregates(std::span<const RepeatAggregate> all) {
  std::string json;
  for (const RepeatAggregate& aggregate : all) {
    note("repeat_spread", to_string(aggregate));
    const std::string name = name_of(aggregate.configuration);
    const Summary& over = aggregate.medians_us;
    const std::size_t n = over.count;
    constexpr double ns = 1e3;  // per microsecond
    const std::pair<const char*, double> values[] = {
        {"mean", over.mean * ns}, {"median", over.median * ns}, {"stddev", over.stddev * ns}, {"cv", over.cv}};
    for (const auto& [kind, value] : values) {
      const bool percentage = std::string_view(kind) == "cv";
      json += fmt::format(
          "{}\n    {{\"name\": {}, \"run_name\": {}, \"run_type\": \"aggregate\", \"repetitions\": {}, "
          "\"threads\": 1, \"aggregate_name\": \"{}\", \"aggregate_unit\": \"{}\", \"iterations\": {}, "
          "\"real_time\": {:.6g}, \"cpu_time\": {:.6g}, \"time_unit\": \"ns\"}}",
          rows_ == 0 ? "" : ",", json_string(name + "_" + kind), json_string(name), n, kind,
          percentage ? "percentage" : "time", n, value, value);
      ++rows_;
    }
  }
  return json;
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
