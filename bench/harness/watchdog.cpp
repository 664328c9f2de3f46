#include "bench/harness/watchdog.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace mpibench {
namespace {

constexpr std::size_t line_size = 1024;
constexpr std::size_t max_peers = 256;

// Rendered outside the handlers, read only by them.
char error_line[async_stop_kinds][line_size];
int peers[max_peers];
volatile sig_atomic_t peer_count = 0;
volatile sig_atomic_t speaking = 0;
volatile sig_atomic_t rank0_pid = 0;
volatile sig_atomic_t alarms = 0;
volatile sig_atomic_t settled = -1;
double limit_s = 0;

void write_all(int fd, const char* text) { write_while_room(fd, text, std::strlen(text)); }

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
  if (settled >= 0) _exit(settled);
  alarms = alarms + 1;  // (not ++: deprecated on a volatile)
  if (speaking && alarms == 1) return;  // the soft deadline: the runner stops the run
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

timeval as_timeval(double seconds) {
  const auto whole = static_cast<long>(seconds);
  return {whole, static_cast<long>((seconds - static_cast<double>(whole)) * 1e6)};
}

std::string limit_text(double seconds) { return fmt::format("time limit of {:g} s reached", seconds); }

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

std::array<std::string, async_stop_kinds> stop_reasons(std::optional<double> time_limit_s) {
  std::array<std::string, async_stop_kinds> reasons;
  if (time_limit_s) reasons[0] = limit_text(*time_limit_s);
  for (const AsyncStop why : {AsyncStop::interrupt, AsyncStop::terminate, AsyncStop::hangup}) {
    reasons[static_cast<std::size_t>(why)] = fmt::format("interrupted by {}", signal_name(why));
  }
  return reasons;
}

void prepare_stop_messages(std::optional<double> time_limit_s, const std::string& kept_in) {
  const std::string kept = kept_in.empty() ? std::string() : fmt::format("; the finished rows are kept in {}", kept_in);
  const auto reasons = stop_reasons(time_limit_s);
  limit_s = time_limit_s.value_or(0);
  for (std::size_t i = 0; i < async_stop_kinds; ++i) {
    const std::string line = fmt::format("mpibench: error: {}{}{}\n", reasons[i],
                                         i == 0 ? fmt::format(" ({})", time_limit_advice) : "", kept);
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
  prepare_stop_messages(std::nullopt, "");
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

bool time_limit_reached() { return alarms > 0; }

std::string time_limit_text() { return limit_text(limit_s); }

void arm_time_limit(std::optional<double> seconds, double grace_s, std::span<const int> node_peers) {
  std::size_t count = 0;
  for (const int pid : node_peers) {
    if (count < max_peers) peers[count++] = pid;
  }
  peer_count = static_cast<sig_atomic_t>(count);
  handle(SIGALRM, on_alarm);
  alarms = 0;
  if (!seconds) return;
  // Rank 0: the soft deadline, then every grace_s the hard one (it fires once). The others:
  // only a hard deadline, after rank 0's.
  itimerval timer{as_timeval(speaking ? grace_s : 0),
                  as_timeval(std::max(1e-6, speaking ? *seconds : *seconds + 2 * grace_s))};
  setitimer(ITIMER_REAL, &timer, nullptr);
}

}  // namespace mpibench
