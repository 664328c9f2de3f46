#include "results/async_endings.hpp"

#include <signal.h>
#include <unistd.h>

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
    const std::string& text = ending.text[static_cast<std::size_t>(stop)];
    const char* data = text.data();
    std::size_t left = text.size();
    while (left > 0) {
      const ssize_t n = write(ending.fd, data, left);
      if (n <= 0) break;  // a full disk: the file keeps its .partial name all the same
      data += n;
      left -= static_cast<std::size_t>(n);
    }
  }
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
