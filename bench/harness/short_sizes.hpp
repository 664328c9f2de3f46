#pragma once
// The sizes that stopped short of --min-samples because their samples were long
// (StopReason::long_samples): the run says which, once, so that a figure backed by six
// samples is not read as one backed by the usual ten or more.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "bench/harness/run_config.hpp"
#include "results/record.hpp"

namespace mpibench {

class ShortSizes {
 public:
  // A row as written: counted when its stop column says long_samples.
  void add(const Record& row);
  // One line for the run's notes, or nothing when every size had its samples.
  std::optional<std::string> note(const RunConfig& config) const;

 private:
  std::size_t rows_ = 0;
  std::vector<std::string> labels_;  // each configuration once
  std::size_t fewest_ = 0;
  std::size_t most_ = 0;
};

}  // namespace mpibench
