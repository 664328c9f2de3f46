#pragma once
// The frame of a command that reads result files and writes outputs of its own (compare,
// model), without MPI. An output that names an input, or another output (or its .partial), is
// refused first; then the inputs are read and the work done (unusable input: exit 2, nothing
// created or changed); only then are the outputs claimed, as a run's are (FILE.partial, renamed
// when complete; one that cannot be opened: exit 2), and the report printed and written (a
// failed write: exit 1, the outputs ended as incomplete). SIGINT, SIGTERM and SIGHUP end it
// with its outputs marked with the reason and exit 128 + the signal.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/subcommand.hpp"
#include "results/output_formats.hpp"
#include "results/outputs.hpp"

namespace mpibench {

// `compute` reads and computes (throws UnusableInput); `report` prints and writes to the
// outputs (throws OutputFailed) and returns the command's exit code.
int run_offline_command(const std::vector<std::string>& inputs, const std::vector<OutputFile>& files,
                        const std::function<void()>& compute, const std::function<int(Outputs&)>& report);

// A Subcommand's `declare` for such a command: `add` declares its options on the CLI11 app,
// filling an Options; `finish` checks them into a Request (throwing UsageError); `run` carries
// it out and returns the exit code.
template <class Options, class Request>
std::function<CommandFinish(CLI::App&)> declare_offline(void (*add)(CLI::App&, Options&),
                                                        Request (*finish)(Options, std::string),
                                                        int (*run)(const Request&)) {
  return [=](CLI::App& sub) -> CommandFinish {
    auto options = std::make_shared<Options>();
    add(sub, *options);
    return [=](const std::string& command_line) -> CommandRun {
      const Request request = finish(std::move(*options), command_line);
      return [=] { return run(request); };
    };
  };
}

}  // namespace mpibench
