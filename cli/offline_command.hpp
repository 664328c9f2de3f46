#pragma once
// The frame of a command that reads result files and writes outputs of its own (compare,
// model), without MPI: its outputs are opened first, so that one that cannot be written is
// refused before anything is printed; unusable input is exit 2 with the outputs abandoned
// (nothing created); a failed write is exit 1 with the outputs ended as incomplete.
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
int run_offline_command(const std::vector<OutputFile>& files, const std::function<void()>& compute,
                        const std::function<int(Outputs&)>& report);

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
