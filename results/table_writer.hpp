#pragma once
#include <string>
#include <vector>

#include "results/writer.hpp"

namespace mpibench {

// A readable table on a terminal: one line per size as it finishes. It shows the columns
// the schema marks for the table (sizes, samples, median with its confidence interval,
// spread, bandwidth) and leaves the rest to the CSV. Beside files that hold every column
// (`beside_files`), a narrower one: what was measured, the median and its interval, the
// results; it says where the rest is and how to leave the table out.
class TableWriter final : public Writer {
 public:
  explicit TableWriter(bool beside_files = false) : beside_files_(beside_files) {}
  std::string begin(const Metadata& metadata, std::span<const Column> columns) override;
  std::string row(const Record& record) override;
  std::string note(std::string_view key, std::string_view text) override;
  std::string finish(std::optional<std::string_view> incomplete_reason) const override;

 private:
  struct Shown {
    std::string column;
    std::string header;
    std::size_t width;
  };
  bool beside_files_;
  std::vector<Shown> shown_;
  std::vector<const Shown*> printed_;  // the columns of the last header printed
};

}  // namespace mpibench
