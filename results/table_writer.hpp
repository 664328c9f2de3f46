#pragma once
#include <cstdio>
#include <set>
#include <string>

#include "results/writer.hpp"

namespace mpibench {

// A readable table on a terminal: one line per size as it finishes. It shows the columns
// a reader scans (sizes, samples, median with its confidence interval, spread, bandwidth)
// and leaves the rest to the CSV.
class TableWriter final : public Writer {
 public:
  explicit TableWriter(std::FILE* out) : out_(out) {}
  void begin(const Metadata& metadata, const std::vector<std::string>& columns) override;
  void row(const Record& record) override;
  void note(std::string_view key, std::string_view text) override;
  void finish(std::optional<std::string_view> incomplete_reason) override;

 private:
  struct Shown {
    std::string column;
    std::string header;
    std::size_t width;
  };
  std::FILE* out_;
  std::vector<Shown> shown_;
  std::vector<const Shown*> printed_;  // the columns of the last header printed
};

}  // namespace mpibench
