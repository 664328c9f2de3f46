#pragma once
// How a run ends when something outside it stops it: a time or no-progress limit (a
// deadlocked MPI call never returns, so no check in the code can end it), or SIGINT, SIGTERM, SIGHUP from a
// user, mpiexec or a batch system. The handlers write the outputs' prepared endings
// (results/async_endings), one error line on the rank that speaks, and end the rank at
// once: exit 1 for the time limit, 128 + the signal otherwise. Every rank gets the same
// handlers, so every rank ends alike and mpiexec reports one code.
#include <array>
#include <optional>
#include <span>
#include <string>

#include "bench/harness/run_limit.hpp"
#include "results/async_endings.hpp"

namespace mpibench {

// Right after MPI_Init, on every rank: a signal from then on ends the rank cleanly.
void install_stop_handlers(bool speaks);

// Why a run stopped, as the outputs record it, for each AsyncStop (none for the limit of a
// run that has none).
std::array<std::string, async_stop_kinds> stop_reasons(const RunLimit& limit);

// From now on the error lines say where the finished rows are kept (empty: nowhere).
void prepare_stop_messages(const RunLimit& limit, const std::string& kept_in);

// A stop signal that reaches another rank first is passed on to rank 0 (`pid`, 0 for none:
// not on this node), so that rank 0 ends the outputs with the reason before the launcher
// tears the job down.
void forward_stops_to(int pid);

// The rank has finished and knows its exit code: a signal from now on (a launcher tearing
// the job down after another rank exited) ends it with that code and prints nothing more.
void settle_exit_code(int code);

// Right before MPI_Finalize, the outputs complete and the code settled: a finalize that has
// not returned `seconds` later (MPICH 4.0.2 over UCX/TCP can hang there) must not hold a
// batch job's nodes. The rank then ends with its settled code; rank 0 says so in one warning.
void bound_finalize(double seconds);

// Arms the run's limit, in two steps. When it passes, rank 0 only raises a flag
// (time_limit_reached) that the runner reads between samples: the ranks then stop together
// and end through the normal path, with exit 1 from every rank. A run that does not stop
// within `grace_s` more (a hung MPI call) is ended by force: rank 0 ends its outputs, says
// why, stops the other ranks on its node (`node_peers`) so that they exit with the same
// code before the launcher kills them, and exits 1; any other rank ends by itself `grace_s`
// after that if nothing has stopped it (a rank 0 that hangs or is stopped).
// A no-progress limit counts from each rank's last mark_progress(); a timer that fires
// early, the run having progressed, is set again for the rest. Nothing is armed for
// RunLimit::Kind::none (a simulation not given a limit) but the stops from outside.
void arm_run_limit(const RunLimit& limit, double grace_s, std::span<const int> node_peers);

// A step of the run completed on this rank: a decision between samples made or received, a
// stage ended, a leader's heartbeat received (bench/harness/heartbeats). One clock read and
// two stores; nothing under a whole-run limit.
void mark_progress();

// A rank other than 0 that waits for others (in a stage it has no part in, rank 0 watching
// their progress) gives them ten times its limit: it ends the run itself only when rank 0
// cannot (stopped).
void waiting_for_others(bool waiting);

// Rank 0: the limit has passed; the run should stop at the next decision.
bool time_limit_reached();
// "time limit of S s reached", or the no-progress limit's words: the reason a run stopped
// this way gives, and what to do about it.
std::string time_limit_text();
std::string time_limit_advice();

}  // namespace mpibench
