#include "cli/offline_command.hpp"

#include <fmt/format.h>

#include "bench/toolkit/errors.hpp"
#include "results/output_errors.hpp"
#include "results/result_file.hpp"

namespace mpibench {

int run_offline_command(const std::vector<OutputFile>& files, const std::function<void()>& compute,
                        const std::function<int(Outputs&)>& report) {
  const auto error = [](const std::exception& e, int code) {
    fmt::print(stderr, "mpibench: error: {}\n", e.what());
    return code;
  };
  Outputs outputs;
  try {
    outputs = Outputs::open({files, false});
  } catch (const OutputRefused& e) {
    return error(e, exit_usage);
  }
  try {
    compute();
  } catch (const UnusableInput& e) {
    outputs.abandon();
    return error(e, exit_usage);
  }
  try {
    return report(outputs);
  } catch (const OutputFailed& e) {
    outputs.finish_incomplete(e.what());
    return error(e, exit_run_failed);
  }
}

}  // namespace mpibench
