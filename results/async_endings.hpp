#pragma once
// How a run stopped by a signal still ends its outputs properly. A signal handler may not
// format or allocate, so the text each output ends with, for each way a run can be stopped
// from outside, is rendered beforehand (after every change to what that text depends on)
// and published here; the handler only writes it. Outputs publish; bench/watchdog writes.
#include <signal.h>

#include <array>
#include <string>
#include <vector>

namespace mpibench {

enum class AsyncStop { time_limit = 0, interrupt, terminate, hangup };
inline constexpr std::size_t async_stop_kinds = 4;

struct AsyncEnding {
  int fd;
  std::array<std::string, async_stop_kinds> text;  // by AsyncStop
};

// Replaces what the handler writes. Call with async signals blocked (AsyncSignalBlock).
void publish_async_endings(std::vector<AsyncEnding> endings);

// Async-signal-safe: writes the published endings for `stop`, once; later calls do nothing.
void write_async_endings(AsyncStop stop) noexcept;

// Async-signal-safe: writes `size` bytes to `fd` unless it stays full for a second (a pipe or
// FIFO whose reader stopped reading, a stopped terminal): a handler that waited for room would
// hold the stopping process forever, every signal masked. False if not all was written.
bool write_while_room(int fd, const char* data, std::size_t size) noexcept;

// The signals that stop a run from outside. main() blocks them before MPI_Init so that
// threads an MPI library starts never take them, which leaves the main thread, where
// AsyncSignalBlock holds them off while an output is written: a handler never cuts a row.
void block_async_signals_in_new_threads();
void unblock_async_signals();

class AsyncSignalBlock {
 public:
  AsyncSignalBlock();
  ~AsyncSignalBlock();
  AsyncSignalBlock(const AsyncSignalBlock&) = delete;
  AsyncSignalBlock& operator=(const AsyncSignalBlock&) = delete;

 private:
  sigset_t before_;
};

// The opposite, for a write that may wait forever (a pipe or FIFO nobody reads, a stopped
// terminal): a stop signal is taken there too, though it may cut the row being written (the
// ending follows it), because a run that cannot be stopped is worse.
class AsyncSignalsAllowed {
 public:
  AsyncSignalsAllowed();
  ~AsyncSignalsAllowed();
  AsyncSignalsAllowed(const AsyncSignalsAllowed&) = delete;
  AsyncSignalsAllowed& operator=(const AsyncSignalsAllowed&) = delete;

 private:
  sigset_t before_;
};

}  // namespace mpibench
