#pragma once
#include <cstdio>

#include "results/writer.hpp"

namespace mpibench {

// CSV for plotting: `# key: value` metadata lines, a header row, then one row per result,
// flushed as it is written so a stopped run keeps what it measured. pandas reads it with
// `comment='#'`.
class CsvWriter final : public Writer {
 public:
  explicit CsvWriter(std::FILE* out) : out_(out) {}
  void begin(const Metadata& metadata, const std::vector<std::string>& columns) override;
  void row(const Record& record) override;
  void note(std::string_view key, std::string_view text) override;
  void finish(std::optional<std::string_view> incomplete_reason) override;

 private:
  std::FILE* out_;
  std::vector<std::string> columns_;
};

// RFC 4180 quoting: a field with a comma, a quote, a line break or edge spaces is quoted.
std::string csv_field(std::string_view text);

}  // namespace mpibench
