#pragma once
// Rank 0 watches the whole run for progress (the no-progress limit, bench/harness/watchdog)
// but takes no part in a stage that other ranks measure (linkmap's pairs one at a time). The
// leaders of such stages tell it, at most once a second, that they progress: one empty
// message on a communicator of its own, sent between samples, never within one. Under a
// whole-run limit, or none, nothing is sent.
#include <mpi.h>

#include "bench/harness/run_limit.hpp"

namespace mpibench {

// Collective over `world`, once the limit is known.
void start_heartbeats(MPI_Comm world, const RunLimit& limit);

// A decision between samples, made (`leader`: rank 0 of the measured communicator) or
// received: this rank progressed. A leader other than the world's rank 0 tells rank 0 when
// a second has passed since it last did.
void step_done(bool leader);

// The end of a stage, on every rank of the world: a rank with no part in it, or done first,
// waits without spinning; rank 0 meanwhile takes the heartbeats as its progress, and the
// others allow rank 0 to watch (watchdog's waiting_for_others).
void wait_for_stage_end(MPI_Comm world);

// Collective, after the last stage: rank 0 receives every heartbeat still on its way, so that
// none outlives the run, and the communicator is freed.
void finish_heartbeats();

}  // namespace mpibench
