#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "results/record.hpp"

namespace mpibench {

// One output format. The column list is fixed at begin() (for a run of several patterns it
// is the union of their columns), rows arrive as each size finishes, and finish() says
// whether the run completed.
class Writer {
 public:
  virtual ~Writer() = default;
  virtual void begin(const Metadata& metadata, const std::vector<std::string>& columns) = 0;
  virtual void row(const Record& record) = 0;
  // A remark about the run as a whole (a summary line), after the rows.
  virtual void note(std::string_view key, std::string_view text) = 0;
  // `incomplete_reason` is set when the run stopped early; the output keeps its rows.
  virtual void finish(std::optional<std::string_view> incomplete_reason) = 0;
};

}  // namespace mpibench
