#pragma once
// `mpibench model`: Hockney's alpha-beta model fitted to pingpong results, regime by regime.
// It reads results and never initializes MPI.
#include "cli/cli11.hpp"

#include <map>
#include <string>
#include <vector>

#include "results/output_formats.hpp"

namespace mpibench {

struct ModelRequest {
  std::vector<std::string> launches;     // pingpong (and reduce_local) results, one file per launch
  std::vector<std::string> predict;      // collective results to predict
  std::vector<OutputFile> output_files;  // the fitted segments
  std::string command_line;
};

struct ModelOptions {
  ModelRequest request;
  std::map<std::string, std::string, std::less<>> output_paths;
};

void add_model_options(CLI::App& sub, ModelOptions& options);
ModelRequest finish_model_request(ModelOptions options, std::string command_line);

// Prints the fits (and the predictions, with --predict) and writes them when asked: the
// predictions when there are any, with the fit in their metadata; the fitted regimes otherwise. Returns the exit code: 0, 2 unusable input,
// 1 when an output cannot be written.
int run_model(const ModelRequest& request);

}  // namespace mpibench
