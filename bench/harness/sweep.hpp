#pragma once
#include <mpi.h>

#include <functional>
#include <optional>
#include <span>
#include <string>

#include "toolkit/clock.hpp"
#include "bench/harness/progress.hpp"
#include "bench/harness/record_builder.hpp"
#include "bench/harness/run_config.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {

// Measures one pattern over every size of the run: per size, set up buffers, validate when
// asked, measure, and hand the row to `emit` (on rank 0 of `comm`). Collective over `comm`.
// A failure all ranks agree on (a validation mismatch, or `emit` failing to write a row,
// which it reports as its message) comes back as its message, so the caller can end the
// run in step with ranks outside `comm`.
// `sizes` in the order to measure them (the run plan's); the rows are what the pattern
// measured, without the plan's context.
std::optional<std::string> run_sweep(const PatternDefinition& definition, Pattern& pattern, MPI_Comm comm,
                                     std::span<const std::uint64_t> sizes,
                                     const RunConfig& config, const Clock& clock,
                                     const std::function<std::optional<std::string>(const BuiltRow&)>& emit,
                                     Progress& progress);

}  // namespace mpibench
