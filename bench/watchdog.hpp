#pragma once
#include <string>

namespace mpibench {

// The run's wall-clock limit. A deadlocked MPI call never returns, so no check in the
// code can end it: a SIGALRM handler does, on every rank at the same deadline. It writes
// the (pre-formatted) error line to stderr on rank 0 and the `# incomplete` line to the
// CSV, both with write(2), which is async-signal-safe, and ends the process with exit 1;
// mpiexec then ends the other ranks and exits 1 itself. SIGINT and SIGTERM get the same
// treatment, with `# incomplete: interrupted` and exit 128 + the signal.
// Rows are flushed as they are written, so the CSV is at a line boundary when it fires.
void arm_watchdog(double seconds, bool print_error, int csv_fd);

// The CSV is about to be closed: the watchdog must not write to it any more. The alarm
// stays armed, so a hang after the run (in MPI_Finalize, say) still ends.
void watchdog_forget_csv();

}  // namespace mpibench
