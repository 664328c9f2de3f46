#include "results/benchmark_json_writer.hpp"

#include <fmt/format.h>
#include <unistd.h>

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

bool is_measurement(const Cell& cell) {
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

void BenchmarkJsonWriter::begin(const Metadata& metadata, const std::vector<std::string>& columns) {
  columns_ = columns;
  for (const auto& [key, value] : metadata) {
    // Google Benchmark's own context keys where mpibench has the same fact.
    const std::string name = key == "date_utc" ? "date" : key == "hosts" ? "host_name" : key;
    context_.emplace_back(name, value);
  }
  context_.emplace_back("library_build_type", "release");
  rewrite();
}

void BenchmarkJsonWriter::row(const Record& record) {
  const auto text = [&](std::string_view column) {
    const Cell* cell = record.find(column);
    return cell == nullptr ? std::string() : format_cell(*cell);
  };
  // The columns between `bytes` and `samples` are the patterns' own settings (the column
  // order puts them there); they and the repeat name the benchmark.
  std::string name = text("pattern");
  const auto first = std::find(columns_.begin(), columns_.end(), "bytes");
  const auto last = std::find(columns_.begin(), columns_.end(), "samples");
  for (auto column = first == columns_.end() ? first : first + 1; column < last; ++column) {
    const Cell* cell = record.find(*column);
    if (cell == nullptr || std::holds_alternative<std::monostate>(*cell)) continue;
    name += fmt::format("/{}:{}", *column, format_cell(*cell));
  }
  if (const std::string repeat = text("repeat"); !repeat.empty() && repeat != "1") {
    name += "/repeat:" + repeat;
  }
  name += fmt::format("/bytes:{}/ranks:{}", text("bytes"), text("ranks"));

  std::string entry = fmt::format(
      "{{\"name\": {0}, \"run_name\": {0}, \"run_type\": \"iteration\", \"repetitions\": 1, "
      "\"repetition_index\": 0, \"threads\": 1, \"iterations\": {1}, \"real_time\": {2}, "
      "\"cpu_time\": {2}, \"time_unit\": \"us\"",
      json_string(name), text("samples").empty() ? "0" : text("samples"),
      text("median_us").empty() ? "0" : text("median_us"));
  if (const Cell* bw = record.find("bandwidth_mb_s"); bw != nullptr && std::holds_alternative<double>(*bw)) {
    entry += fmt::format(", \"bytes_per_second\": {:.6g}", std::get<double>(*bw) * 1e6);
  }
  for (const auto& [column, cell] : record.cells()) {
    if (column == "pattern" || column == "samples" || !is_measurement(cell)) continue;
    entry += fmt::format(", {}: {}", json_string(column), json_value(cell));
  }
  benchmarks_.push_back(entry + "}");
  rewrite();
}

void BenchmarkJsonWriter::note(std::string_view key, std::string_view text) {
  context_.emplace_back(std::string(key), std::string(text));
  rewrite();
}

void BenchmarkJsonWriter::finish(std::optional<std::string_view> incomplete_reason) {
  if (incomplete_reason) context_.emplace_back("incomplete", std::string(*incomplete_reason));
  rewrite();
}

void BenchmarkJsonWriter::rewrite() const {
  std::string json = "{\n  \"context\": {";
  for (std::size_t i = 0; i < context_.size(); ++i) {
    json += fmt::format("{}\n    {}: {}", i == 0 ? "" : ",", json_string(context_[i].first),
                        json_string(context_[i].second));
  }
  json += "\n  },\n  \"benchmarks\": [";
  for (std::size_t i = 0; i < benchmarks_.size(); ++i) {
    json += fmt::format("{}\n    {}", i == 0 ? "" : ",", benchmarks_[i]);
  }
  json += "\n  ]\n}\n";
  std::rewind(out_);
  std::fwrite(json.data(), 1, json.size(), out_);
  std::fflush(out_);
  // Cut whatever a longer earlier version left behind (none today: the file only grows).
  [[maybe_unused]] const int truncated = ftruncate(fileno(out_), static_cast<off_t>(json.size()));
}

}  // namespace mpibench
