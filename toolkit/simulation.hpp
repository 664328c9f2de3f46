#pragma once
// Whether this build runs under SimGrid's SMPI (cmake -DMPIBENCH_SMPI=ON): every rank is a
// simulated process of one real process, and time is simulated time. The facts below are
// the simulated ones (the platform's hosts and the simulator's settings); in a real build
// they are empty.
#include <string>

namespace mpibench {

#ifdef MPIBENCH_SMPI
inline constexpr bool simulated = true;
#else
inline constexpr bool simulated = false;
#endif

// The simulated host of the calling rank: its cores (as the platform declares them).
int simulated_host_cores();

// "SimGrid 3.32.0 SMPI, platform platforms/cluster-64.xml (64 hosts)": the platform is the file
// smpirun was given (MPIBENCH_PLATFORM overrides, for runs started another way).
std::string simulation_description();

// Whether the simulation charges no time for computation (smpi/simulate-computation:no): a
// reduction's arithmetic is then free, gamma = 0.
bool simulated_computation_is_free();

// A SimGrid setting that decides collectives' algorithms ("smpi/coll-selector",
// "smpi/bcast", ...), as SimGrid names it: "default" when not set; empty in a real build.
std::string simulator_setting(const std::string& name);

}  // namespace mpibench
