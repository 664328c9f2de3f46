#include "results/async_endings.hpp"

#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include <atomic>
#include <memory>

namespace mpibench {
namespace {

struct Snapshot {
  std::vector<AsyncEnding> endings;
};

std::atomic<const Snapshot*> published{nullptr};
std::atomic<bool> written{false};
// Retired snapshots live one generation longer, in case a handler on another thread were
// still reading one; older ones are freed.
std::unique_ptr<const Snapshot> retired[2];

sigset_t async_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (const int signal : {SIGALRM, SIGINT, SIGTERM, SIGHUP, SIGUSR1}) sigaddset(&set, signal);
  return set;
}

}  // namespace

void publish_async_endings(std::vector<AsyncEnding> endings) {
  const Snapshot* fresh = endings.empty() ? nullptr : new Snapshot{std::move(endings)};
  const Snapshot* old = published.exchange(fresh);
  retired[1] = std::move(retired[0]);
  retired[0].reset(old);
}

void write_async_endings(AsyncStop stop) noexcept {
  if (written.exchange(true)) return;
  const Snapshot* snapshot = published.load();
  if (snapshot == nullptr) return;
  for (const AsyncEnding& ending : snapshot->endings) {
    // Not all written (a full disk, a reader gone): the file keeps its .partial name all the
    // same, and a stream without its ending does not parse as complete.
    const std::string& text = ending.text[static_cast<std::size_t>(stop)];
    write_while_room(ending.fd, text.data(), text.size());
  }
}

bool write_while_room(int fd, const char* data, std::size_t size) noexcept {
  constexpr int patience_ms = 1000;
  while (size > 0) {
    pollfd room{fd, POLLOUT, 0};
    const int ready = poll(&room, 1, patience_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0 || (room.revents & POLLOUT) == 0) return false;
    // Room for PIPE_BUF bytes is what POLLOUT promises on a pipe: a larger write could wait.
    const ssize_t n = write(fd, data, std::min<std::size_t>(size, PIPE_BUF));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

void block_async_signals_in_new_threads() {
  const sigset_t set = async_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void unblock_async_signals() {
  const sigset_t set = async_signals();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

AsyncSignalBlock::AsyncSignalBlock() {
  const sigset_t set = async_signals();
  pthread_sigmask(SIG_BLOCK, &set, &before_);
}

AsyncSignalBlock::~AsyncSignalBlock() { pthread_sigmask(SIG_SETMASK, &before_, nullptr); }

AsyncSignalsAllowed::AsyncSignalsAllowed() {
  const sigset_t set = async_signals();
  pthread_sigmask(SIG_UNBLOCK, &set, &before_);
}

AsyncSignalsAllowed::~AsyncSignalsAllowed() { pthread_sigmask(SIG_SETMASK, &before_, nullptr); }

}  // namespace mpibench
