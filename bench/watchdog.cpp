#include "bench/watchdog.hpp"

#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cstring>

namespace mpibench {
namespace {

// Written at arm time, read only by the handler.
char error_line[256];
char csv_line[128];
const char interrupted_error[] = "mpibench: error: interrupted; the CSV keeps the sizes finished so far\n";
const char interrupted_csv[] = "# incomplete: interrupted\n";
volatile sig_atomic_t csv_target = -1;
volatile sig_atomic_t print_target = -1;

void write_all(int fd, const char* text) {
  std::size_t left = std::strlen(text);
  while (left > 0) {
    const ssize_t n = write(fd, text, left);
    if (n <= 0) return;
    text += n;
    left -= static_cast<std::size_t>(n);
  }
}

extern "C" void on_alarm(int) {
  if (csv_target >= 0) write_all(csv_target, csv_line);
  if (print_target >= 0) write_all(print_target, error_line);
  _exit(1);
}

// Ctrl-C (mpiexec forwards it to every rank) or a batch system's SIGTERM: the CSV says the
// run was cut short, instead of ending as if it had finished.
extern "C" void on_interrupt(int signal) {
  if (csv_target >= 0) write_all(csv_target, interrupted_csv);
  if (print_target >= 0) write_all(print_target, interrupted_error);
  _exit(128 + signal);
}

}  // namespace

void arm_watchdog(double seconds, bool print_error, int csv_fd) {
  auto end = fmt::format_to_n(error_line, sizeof(error_line) - 1,
                              "mpibench: error: time limit of {:g} s reached; the run was stopped "
                              "(raise --time-limit, or use fewer sizes or a smaller --max-time)\n",
                              seconds);
  *end.out = '\0';
  end = fmt::format_to_n(csv_line, sizeof(csv_line) - 1, "# incomplete: time limit of {:g} s reached\n",
                         seconds);
  *end.out = '\0';
  print_target = print_error ? STDERR_FILENO : -1;
  csv_target = csv_fd;
  struct sigaction action {};
  action.sa_handler = on_alarm;
  sigemptyset(&action.sa_mask);
  sigaction(SIGALRM, &action, nullptr);
  struct sigaction interrupt {};
  interrupt.sa_handler = on_interrupt;
  sigemptyset(&interrupt.sa_mask);
  sigaction(SIGINT, &interrupt, nullptr);
  sigaction(SIGTERM, &interrupt, nullptr);
  itimerval timer{};
  const auto whole = static_cast<long>(seconds);
  timer.it_value.tv_sec = whole;
  timer.it_value.tv_usec = static_cast<long>((seconds - static_cast<double>(whole)) * 1e6);
  if (timer.it_value.tv_sec == 0 && timer.it_value.tv_usec == 0) timer.it_value.tv_usec = 1;
  setitimer(ITIMER_REAL, &timer, nullptr);
}

void watchdog_forget_csv() { csv_target = -1; }

}  // namespace mpibench
