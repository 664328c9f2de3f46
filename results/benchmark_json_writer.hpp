#pragma once
#include <string>
#include <utility>
#include <vector>

#include "results/output_formats.hpp"
#include "results/writer.hpp"

namespace mpibench {

// Google Benchmark's JSON output format, so its tools (compare.py) can compare two mpibench
// runs: one "benchmarks" entry per row, named pattern/<configuration columns>/bytes:N/ranks:R,
// with the median as real_time in nanoseconds and every cell as a field of its own; --repeat
// rows are repetitions of one name, followed by mean, median, stddev and cv aggregates; and a
// "context" object from the metadata. The entries are appended as rows finish and the
// context comes last (JSON objects are unordered), so writing costs O(rows) in all and a
// stopped run's context can still carry its "incomplete" reason.
class BenchmarkJsonWriter final : public Writer {
 public:
  BenchmarkJsonWriter() = default;
  explicit BenchmarkJsonWriter(const RowPlan& plan) : repetitions_(plan.repeats) {}
  std::string begin(const Metadata& metadata, std::span<const Column> columns) override;
  std::string row(const Record& record) override;
  std::string note(std::string_view key, std::string_view text) override;
  // Google Benchmark's mean, median, stddev and cv of each benchmark's repetitions (so that
  // its compare.py runs its U test on repeats), besides the notes.
  std::string aggregates(std::span<const RepeatAggregate> all) override;
  std::string finish(std::optional<std::string_view> incomplete_reason) const override;

 private:
  std::vector<Column> columns_;
  std::vector<std::pair<std::string, std::string>> context_;  // key, rendered JSON value
  // The benchmark's name: pattern/<configuration cells>/bytes:N/ranks:R.
  std::string name_of(const Record& cells) const;

  std::vector<std::pair<std::string, std::vector<std::string>>> notes_;
  int repetitions_ = 1;
  std::size_t rows_ = 0;
};

// A JSON string literal, quotes included.
std::string json_string(std::string_view text);

}  // namespace mpibench
