#include "bench/harness/watchdog.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>

namespace mpibench {
namespace {

constexpr std::size_t line_size = 1024;
constexpr std::size_t max_peers = 256;

// Rendered outside the handlers, read only by them.
char error_line[async_stop_kinds][line_size];
char finalize_line[line_size];
volatile sig_atomic_t finalizing = 0;
int peers[max_peers];
volatile sig_atomic_t peer_count = 0;
volatile sig_atomic_t speaking = 0;
volatile sig_atomic_t rank0_pid = 0;
volatile sig_atomic_t alarms = 0;
volatile sig_atomic_t settled = -1;
volatile sig_atomic_t patient = 0;
// Set before the timer is armed; read by the handler and mark_progress().
RunLimit limit;
double grace = 0;
std::string reason_text;
std::string advice_text;
// Nanoseconds on CLOCK_MONOTONIC (which the handler may read): lock-free, so a handler that
// interrupts a store reads the old value or the new one.
static_assert(std::atomic<std::int64_t>::is_always_lock_free);
std::atomic<std::int64_t> deadline_ns{0};    // a whole-run limit
std::atomic<std::int64_t> last_mark_ns{0};   // no progress: the last step's end
std::atomic<std::int64_t> longest_gap_ns{0};  // and the longest interval between two steps

void write_all(int fd, const char* text) { write_while_room(fd, text, std::strlen(text)); }

std::int64_t now_ns() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

timeval as_timeval(double seconds) {
  const auto whole = static_cast<long>(seconds);
  return {whole, static_cast<long>((seconds - static_cast<double>(whole)) * 1e6)};
}

// One alarm, `seconds` from now; the handler sets the next.
void alarm_in(double seconds) {
  itimerval timer{{0, 0}, as_timeval(std::max(1e-3, seconds))};
  setitimer(ITIMER_REAL, &timer, nullptr);
}

// Seconds before this rank's limit passes (at most 0: it has). A rank other than 0 allows
// rank 0's grace twice more, so that rank 0 ends the run when it can.
double seconds_left() {
  const double extra = speaking ? 0 : 2 * grace;
  const std::int64_t now = now_ns();
  if (limit.kind != RunLimit::Kind::no_progress) return static_cast<double>(deadline_ns.load() - now) * 1e-9 + extra;
  double allowed = limit.seconds + limit.factor * static_cast<double>(longest_gap_ns.load()) * 1e-9;
  if (!speaking && patient) allowed *= 10;
  return allowed + extra - static_cast<double>(now - last_mark_ns.load()) * 1e-9;
}

// A rank that is not rank 0, once rank 0 has been told to end the job: rank 0's exit makes
// the launcher end this rank too. Exiting here at the same moment would race rank 0 in
// hydra's bookkeeping, where two ranks that end together can both lose their exit status and
// mpiexec then reports success; and a rank left running in MPI may crash on its dead peer.
// Bounded, in case nothing comes.
[[noreturn]] void wait_to_be_ended(int code) {
  timespec pause{0, 100'000'000};
  for (int i = 0; i < 100; ++i) nanosleep(&pause, nullptr);
  _exit(code);
}

[[noreturn]] void stop(AsyncStop why, int code) {
  write_async_endings(why);
  if (speaking) write_all(STDERR_FILENO, error_line[static_cast<std::size_t>(why)]);
  _exit(code);
}

extern "C" void on_alarm(int) {
  if (settled >= 0) {
    if (finalizing && speaking) write_all(STDERR_FILENO, finalize_line);
    _exit(settled);
  }
  if (alarms == 0) {
    // Early for a no-progress limit that progress has moved: set again for the rest.
    if (const double left = seconds_left(); left > 0) {
      alarm_in(left);
      return;
    }
    alarms = 1;
    if (speaking) {  // the soft deadline: the runner stops the run; the hard one follows
      alarm_in(grace);
      return;
    }
  }
  if (speaking) {
    write_async_endings(AsyncStop::time_limit);
    write_all(STDERR_FILENO, error_line[static_cast<std::size_t>(AsyncStop::time_limit)]);
    for (sig_atomic_t i = 0; i < peer_count; ++i) kill(peers[i], SIGUSR1);
  }
  _exit(1);
}

// Rank 0 reached the time limit by force and is ending the job.
extern "C" void on_stopped_by_rank0(int) { wait_to_be_ended(1); }

extern "C" void on_signal(int signal) {
  if (settled >= 0) _exit(settled);
  const AsyncStop why = signal == SIGINT ? AsyncStop::interrupt
                        : signal == SIGHUP ? AsyncStop::hangup
                                           : AsyncStop::terminate;
  if (rank0_pid != 0) {
    kill(rank0_pid, signal);  // rank 0 ends the outputs and the job
    wait_to_be_ended(128 + signal);
  }
  stop(why, 128 + signal);
}

void handle(int signal, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigfillset(&action.sa_mask);  // one handler at a time: the first stop wins
  sigaction(signal, &action, nullptr);
}

const char* signal_name(AsyncStop why) {
  switch (why) {
    case AsyncStop::interrupt: return "SIGINT";
    case AsyncStop::terminate: return "SIGTERM";
    case AsyncStop::hangup: return "SIGHUP";
    case AsyncStop::time_limit: break;
  }
  return "";
}

}  // namespace

std::array<std::string, async_stop_kinds> stop_reasons(const RunLimit& run_limit) {
  std::array<std::string, async_stop_kinds> reasons;
  reasons[0] = limit_reason(run_limit);
  for (const AsyncStop why : {AsyncStop::interrupt, AsyncStop::terminate, AsyncStop::hangup}) {
    reasons[static_cast<std::size_t>(why)] = fmt::format("interrupted by {}", signal_name(why));
  }
  return reasons;
}

void prepare_stop_messages(const RunLimit& run_limit, const std::string& kept_in) {
  const std::string kept = kept_in.empty() ? std::string() : fmt::format("; the finished rows are kept in {}", kept_in);
  const auto reasons = stop_reasons(run_limit);
  reason_text = reasons[0];
  advice_text = limit_advice(run_limit);
  for (std::size_t i = 0; i < async_stop_kinds; ++i) {
    const std::string line = fmt::format("mpibench: error: {}{}{}\n", reasons[i],
                                         i == 0 ? fmt::format(" ({})", advice_text) : "", kept);
    const std::size_t n = std::min(line.size(), line_size - 2);
    std::memcpy(error_line[i], line.data(), n);
    error_line[i][n] = '\0';
    if (n < line.size()) error_line[i][n - 1] = '\n';
  }
}

void install_stop_handlers(bool speaks) {
  speaking = speaks ? 1 : 0;
  // A rank whose launcher is gone (mpiexec killed, its proxy with it) must not go on
  // measuring alone and end with a file that reads as complete: the death of the parent
  // (hydra's proxy, Open MPI's daemon) is a hangup.
  const pid_t parent = getppid();
  prctl(PR_SET_PDEATHSIG, SIGHUP);
  prepare_stop_messages(RunLimit{}, "");
  // A reader that went away is a write error (EPIPE) the outputs report, not a silent death.
  signal(SIGPIPE, SIG_IGN);
  handle(SIGINT, on_signal);
  handle(SIGTERM, on_signal);
  handle(SIGHUP, on_signal);
  handle(SIGUSR1, on_stopped_by_rank0);
  if (getppid() != parent) raise(SIGHUP);  // it died before prctl() took effect
}

void forward_stops_to(int pid) { rank0_pid = pid; }

void settle_exit_code(int code) { settled = code; }

void bound_finalize(double seconds) {
  const std::string line = fmt::format(
      "mpibench: warning: MPI_Finalize did not return within {:g} s; every output was complete, so the "
      "ranks end here with exit {}\n", seconds, static_cast<int>(settled));
  const std::size_t n = std::min(line.size(), line_size - 1);
  std::memcpy(finalize_line, line.data(), n);
  finalize_line[n] = '\0';
  finalizing = 1;
  handle(SIGALRM, on_alarm);
  alarm_in(seconds);
}

bool time_limit_reached() { return alarms > 0; }

std::string time_limit_text() { return reason_text; }

std::string time_limit_advice() { return advice_text; }

void mark_progress() {
  if (limit.kind != RunLimit::Kind::no_progress) return;
  const std::int64_t now = now_ns();
  const std::int64_t gap = now - last_mark_ns.load(std::memory_order_relaxed);
  if (gap > longest_gap_ns.load(std::memory_order_relaxed)) longest_gap_ns.store(gap, std::memory_order_relaxed);
  last_mark_ns.store(now, std::memory_order_relaxed);
}

void waiting_for_others(bool waiting) { patient = waiting ? 1 : 0; }

void arm_run_limit(const RunLimit& run_limit, double grace_s, std::span<const int> node_peers) {
  std::size_t count = 0;
  for (const int pid : node_peers) {
    if (count < max_peers) peers[count++] = pid;
  }
  peer_count = static_cast<sig_atomic_t>(count);
  handle(SIGALRM, on_alarm);
  alarms = 0;
  limit = run_limit;
  grace = grace_s;
  const std::int64_t now = now_ns();
  last_mark_ns = now;
  longest_gap_ns = 0;
  deadline_ns = now + static_cast<std::int64_t>(run_limit.seconds * 1e9);
  if (run_limit.kind == RunLimit::Kind::none) return;
  alarm_in(seconds_left());
}

}  // namespace mpibench
