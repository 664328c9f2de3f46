#pragma once
#include <span>
#include <string>
#include <vector>

#include "bench/harness/run_config.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {

// The patterns to run. For `all`, the ones the launched ranks cannot run (or that their hosts
// give nothing to measure) are left out,
// with a note to print once the run is known to start (a run refused for bad input must
// print its one error line and nothing else).
struct Selection {
  std::vector<const PatternDefinition*> definitions;
  std::vector<std::string> notes;
};

// Throws UsageError for a pattern the ranks cannot run (unless the run is `all`), an option
// naming a rank the pattern does not have, or nothing left to run. Needs no MPI: every rank
// reaches the same answer from the same command line and hosts (one per launched rank).
Selection select_patterns(const RunConfig& config, std::span<const std::string> host_of_rank);

}  // namespace mpibench
