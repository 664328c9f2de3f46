#pragma once
#include <string>
#include <string_view>

#include "toolkit/clock.hpp"
#include "bench/harness/placement.hpp"
#include "bench/harness/run_config.hpp"
#include "results/record.hpp"

namespace mpibench {

// What makes a result reproducible and comparable: the MPI library, the machine and the
// placement of ranks, the clock, the build, the measurement settings, the command line,
// the date, and the MPI-related environment. Called on rank 0 (placement is complete there).
Metadata collect_metadata(const RunConfig& config, const Placement& placement, const Clock& clock);

// The library's identification, one line, from MPI_Get_library_version's text and length
// (short lines kept, joined with "; "; a terminating NUL counted in the length dropped).
std::string library_version_text(std::string_view raw);
// The running library's, as above.
std::string library_version();

// Whether an environment variable is the launcher's bookkeeping (ranks, job ids, addresses,
// keys) rather than a setting a user chose: those are left out of the metadata.
bool set_by_launcher(std::string_view name);

}  // namespace mpibench
