#include "toolkit/simulation.hpp"

#ifdef MPIBENCH_SMPI
#include <fmt/format.h>
#include <simgrid/host.h>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/version.h>
#include <xbt/config.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>
#endif

namespace mpibench {

#ifdef MPIBENCH_SMPI
namespace {

// smpirun starts `smpimain <program> --cfg=... <platform> <program's arguments>`: the
// platform is the first argument after the program that is not an option.
std::string platform_from_command_line() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> args;
  for (std::size_t at = 0; at < all.size();) {
    const std::size_t end = all.find('\0', at);
    args.push_back(all.substr(at, end - at));
    at = end == std::string::npos ? all.size() : end + 1;
  }
  for (std::size_t i = 2; i < args.size(); ++i) {
    if (args[i].rfind("-", 0) != 0) return args[i];
  }
  return "(unknown)";
}

}  // namespace

int simulated_host_cores() { return sg_host_core_count(sg_host_self()); }

std::string simulation_description() {
  const char* given = std::getenv("MPIBENCH_PLATFORM");
  const std::string platform = given ? given : platform_from_command_line();
  // A simulated rank's stack and its guard pages: what sets memory and mappings per rank;
  // the sends SMPI detaches (eager: the sender goes on at once), which set the wall time at
  // scale (SimGrid 3.32 removes a finished detached send from a list per rank, linearly).
  return fmt::format("SimGrid {}.{}.{} SMPI, platform {} ({} hosts), rank stacks of {} KiB with {} guard page(s) "
                     "(contexts/stack-size, contexts/guard-size), sends below {} B detached "
                     "(smpi/send-is-detached-thresh)",
                     SIMGRID_VERSION_MAJOR, SIMGRID_VERSION_MINOR, SIMGRID_VERSION_PATCH, platform,
                     simgrid::s4u::Engine::get_instance()->get_host_count(),
                     simgrid::config::get_value<int>("contexts/stack-size"),
                     simgrid::config::get_value<int>("contexts/guard-size"),
                     simgrid::config::get_value<int>("smpi/send-is-detached-thresh"));
}

bool simulated_computation_is_free() { return !simgrid::config::get_value<bool>("smpi/simulate-computation"); }

std::string simulator_setting(const std::string& name) {
  const std::string& value = simgrid::config::get_value<std::string>(name);
  return value.empty() ? std::string("default") : value;
}

#else

int simulated_host_cores() { return 0; }
std::string simulation_description() { return {}; }
bool simulated_computation_is_free() { return false; }
std::string simulator_setting(const std::string&) { return {}; }

#endif

}  // namespace mpibench
