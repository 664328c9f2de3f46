#pragma once
// `mpibench compare`: the regression gate. It reads results and never initializes MPI.
#include "cli/cli11.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "results/comparison.hpp"
#include "results/output_formats.hpp"

namespace mpibench {

struct CompareRequest {
  std::vector<std::string> baseline;   // one file per launch
  std::vector<std::string> candidate;
  CompareSettings settings;
  std::vector<OutputFile> output_files;  // the verdicts
  std::string command_line;
};

// What CLI11 fills for the subcommand; finish_compare_request() checks and converts it.
struct CompareOptions {
  CompareRequest request;
  std::string threshold = "5%";
  std::string correction = "bh";
  std::map<std::string, std::string, std::less<>> output_paths;
};

void add_compare_options(CLI::App& sub, CompareOptions& options);
CompareRequest finish_compare_request(CompareOptions options, std::string command_line);

// Prints the verdict table and writes the verdicts when asked. Returns the exit code: 0 no
// regression, 1 a regression, 2 unusable input; 1 also when a verdict file cannot be written.
int run_compare(const CompareRequest& request);

}  // namespace mpibench
