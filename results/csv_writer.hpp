#pragma once
#include <cstdint>
#include <vector>

#include "results/writer.hpp"

namespace mpibench {

// CSV for plotting: `# key: value` metadata lines, a header row, one row per result as it
// finishes, and a last line that says how the run ended: `# end: complete, N rows` or
// `# incomplete: reason`. pandas reads it with `comment='#'`.
class CsvWriter final : public Writer {
 public:
  std::string begin(const Metadata& metadata, std::span<const Column> columns) override;
  std::string row(const Record& record) override;
  std::string note(std::string_view key, std::string_view text) override;
  std::string finish(std::optional<std::string_view> incomplete_reason) const override;

 private:
  std::vector<std::string_view> columns_;
  std::int64_t rows_ = 0;
};

// RFC 4180 quoting: a field with a comma, a quote, a line break or edge spaces is quoted.
std::string csv_field(std::string_view text);

}  // namespace mpibench
