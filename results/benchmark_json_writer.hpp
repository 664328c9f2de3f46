#pragma once
#include <cstdio>
#include <string>
#include <vector>

#include "results/writer.hpp"

namespace mpibench {

// Google Benchmark's JSON output format, so its tools (compare.py) can compare two mpibench
// runs: a "context" object from the metadata and one "benchmarks" entry per row, named
// pattern/variant.../bytes:N/ranks:R, with the median as real_time in microseconds and the
// other statistics as extra fields. JSON cannot be appended to, so the whole file is
// rewritten after every row: a stopped run still leaves a valid file with what it measured.
class BenchmarkJsonWriter final : public Writer {
 public:
  explicit BenchmarkJsonWriter(std::FILE* out) : out_(out) {}
  void begin(const Metadata& metadata, const std::vector<std::string>& columns) override;
  void row(const Record& record) override;
  void note(std::string_view key, std::string_view text) override;
  void finish(std::optional<std::string_view> incomplete_reason) override;

 private:
  void rewrite() const;

  std::FILE* out_;
  std::vector<std::string> columns_;
  std::vector<std::pair<std::string, std::string>> context_;
  std::vector<std::string> benchmarks_;  // each a rendered JSON object
};

// A JSON string literal, quotes included.
std::string json_string(std::string_view text);

}  // namespace mpibench
