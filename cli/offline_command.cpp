#include "cli/offline_command.hpp"

#include <fmt/format.h>

#include "bench/harness/watchdog.hpp"
#include "toolkit/errors.hpp"
#include "results/output_errors.hpp"
#include "results/result_file.hpp"

namespace mpibench {

int run_offline_command(const std::vector<std::string>& inputs, const std::vector<OutputFile>& files,
                        const std::function<void()>& compute, const std::function<int(Outputs&)>& report) {
  const auto error = [](const std::exception& e, int code) {
    fmt::print(stderr, "mpibench: error: {}\n", e.what());
    return code;
  };
  install_stop_handlers(true);
  try {
    refuse_outputs_naming(files, inputs);
    compute();
  } catch (const OutputRefused& e) {
    return error(e, exit_usage);
  } catch (const UnusableInput& e) {
    return error(e, exit_usage);
  }
  Outputs outputs;
  try {
    outputs = Outputs::open({files, false});
  } catch (const OutputRefused& e) {
    return error(e, exit_usage);
  }
  prepare_stop_messages(RunLimit{}, outputs.kept_in());
  outputs.set_async_reasons(stop_reasons(RunLimit{}));
  try {
    return report(outputs);
  } catch (const OutputFailed& e) {
    outputs.finish_incomplete(e.what());
    return error(e, exit_run_failed);
  }
}

}  // namespace mpibench
