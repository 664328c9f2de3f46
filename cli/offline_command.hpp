#pragma once
// The frame of a command that reads result files and writes outputs of its own (compare,
// model), without MPI: its outputs are opened first, so that one that cannot be written is
// refused before anything is printed; unusable input is exit 2 with the outputs abandoned
// (nothing created); a failed write is exit 1 with the outputs ended as incomplete.
#include <functional>
#include <vector>

#include "results/output_formats.hpp"
#include "results/outputs.hpp"

namespace mpibench {

// `compute` reads and computes (throws UnusableInput); `report` prints and writes to the
// outputs (throws OutputFailed) and returns the command's exit code.
int run_offline_command(const std::vector<OutputFile>& files, const std::function<void()>& compute,
                        const std::function<int(Outputs&)>& report);

}  // namespace mpibench
