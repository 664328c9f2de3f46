#pragma once
#include <string>
#include <vector>

#include "results/writer.hpp"

namespace mpibench {

// A readable table on a terminal: one line per size as it finishes. It shows the columns
// the schema marks for the table (sizes, samples, median with its confidence interval,
// spread, bandwidth) and leaves the rest to the CSV.
class TableWriter final : public Writer {
 public:
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
  std::vector<Shown> shown_;
  std::vector<const Shown*> printed_;  // the columns of the last header printed
};

}  // namespace mpibench
