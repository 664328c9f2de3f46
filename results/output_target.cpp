#include "results/output_target.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "results/async_endings.hpp"
#include "results/output_errors.hpp"

namespace mpibench {
namespace {

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string name_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

[[noreturn]] void refuse(const std::string& path, int error) {
  throw OutputRefused(fmt::format("cannot write {}: {}", shown_path(path), std::strerror(error)));
}

}  // namespace

std::string shown_path(std::string_view path) {
  std::string shown = "'";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      shown += "\\n";
    } else if (c == '\t') {
      shown += "\\t";
    } else if (c == '\\') {
      shown += "\\\\";
    } else if (byte < 0x20 || byte == 0x7f) {
      shown += fmt::format("\\x{:02x}", byte);
    } else {
      shown += c;
    }
  }
  return shown + "'";
}

std::string partial_name_for(const std::string& final_path) {
  const std::string parent = parent_of(final_path);
  const std::string name = name_of(final_path);
  const long longest = pathconf(parent.c_str(), _PC_NAME_MAX);
  constexpr std::string_view suffix = ".partial";
  if (longest < 0 || name.size() + suffix.size() <= static_cast<std::size_t>(longest)) {
    return final_path + std::string(suffix);
  }
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a of the whole name
  for (const char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  std::size_t keep = std::min<std::size_t>(name.size(), static_cast<std::size_t>(longest) - suffix.size() - 17);
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;  // whole UTF-8 characters
  const std::string shorter = fmt::format("{}-{:016x}{}", name.substr(0, keep), hash, suffix);
  return parent == "." && final_path.find('/') == std::string::npos ? shorter : parent + "/" + shorter;
}

std::optional<FileIdentity> identify_output(const std::string& path) {
  struct stat st {};
  if (path == "-") {
    if (fstat(STDOUT_FILENO, &st) != 0) return std::nullopt;
    return FileIdentity{st.st_dev, st.st_ino, {}};
  }
  if (stat(path.c_str(), &st) == 0) return FileIdentity{st.st_dev, st.st_ino, {}};
  if (errno != ENOENT || stat(parent_of(path).c_str(), &st) != 0) return std::nullopt;
  return FileIdentity{st.st_dev, st.st_ino, name_of(path)};
}

OutputTarget OutputTarget::standard_output() {
  OutputTarget target;
  target.fd_ = STDOUT_FILENO;
  target.path_.assign(1, '-');  // not = "-": GCC 12 warns falsely (-Wrestrict) on that
  return target;
}

OutputTarget OutputTarget::open(const std::string& path) {
  if (path == "-") return standard_output();
  if (path.empty()) throw OutputRefused("an output path is empty");
  OutputTarget target;
  target.path_ = path;
  struct stat st {};
  if (stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) refuse(path, EISDIR);
    if (!S_ISREG(st.st_mode)) {
      // A device or a pipe: written in place (never rename anything over it), opened without
      // blocking so that a FIFO nobody reads is refused instead of hanging the run.
      const int fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
      if (fd < 0) {
        if (errno == ENXIO) {
          throw OutputRefused(fmt::format("cannot write {}: it is a FIFO that no process is reading",
                                          shown_path(path)));
        }
        refuse(path, errno);
      }
      fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
      target.fd_ = fd;
      target.owns_fd_ = true;
      return target;
    }
    // An existing file is replaced by the rename at the end; through a symlink, the file it
    // points to is.
    char resolved[PATH_MAX];
    target.final_ = realpath(path.c_str(), resolved) != nullptr ? std::string(resolved) : path;
  } else {
    if (errno != ENOENT) refuse(path, errno);
    struct stat dir {};
    if (stat(parent_of(path).c_str(), &dir) != 0) refuse(path, errno);
    if (!S_ISDIR(dir.st_mode)) refuse(path, ENOTDIR);
    target.final_ = path;
  }
  target.partial_ = partial_name_for(target.final_);
  const char* partial = target.partial_.c_str();
  int fd = ::open(partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
  target.created_ = fd >= 0;
  if (fd < 0 && errno == EEXIST) fd = ::open(partial, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) {
    throw OutputRefused(fmt::format("cannot write {}: cannot create {} beside it: {}", shown_path(path),
                                    shown_path(target.partial_), std::strerror(errno)));
  }
  target.fd_ = fd;
  target.owns_fd_ = true;
  struct stat mine {};
  if (fstat(fd, &mine) != 0 || !S_ISREG(mine.st_mode)) {
    target.abandon();
    throw OutputRefused(fmt::format("cannot write {}: {} exists and is not a regular file",
                                    shown_path(path), shown_path(target.partial_)));
  }
  // The lock lives as long as this run: a second run aimed at the same output is refused,
  // and a FILE.partial whose run died (its lock gone with it) is taken over.
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    target.abandon();
    if (error == EWOULDBLOCK) {
      throw OutputRefused(fmt::format(
          "cannot write {}: another mpibench run is writing it ({} is locked); wait for that run "
          "or choose another output",
          shown_path(path), shown_path(target.partial_)));
    }
    refuse(path, error);
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return target;
}

OutputTarget::OutputTarget(OutputTarget&& other) noexcept
    : fd_(other.fd_),
      owns_fd_(other.owns_fd_),
      created_(other.created_),
      path_(std::move(other.path_)),
      final_(std::move(other.final_)),
      partial_(std::move(other.partial_)) {
  other.fd_ = -1;
  other.owns_fd_ = false;
  other.created_ = false;
}

OutputTarget::~OutputTarget() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

void OutputTarget::claim() {
  if (partial_.empty() || created_) return;
  if (ftruncate(fd_, 0) != 0) throw OutputFailed(fmt::format("cannot write {}: {}", shown_path(partial_), std::strerror(errno)));
}

void OutputTarget::write(std::string_view text) {
  // A regular file never waits for a reader; a pipe, a FIFO or a terminal may, forever.
  std::optional<AsyncSignalsAllowed> stoppable;
  if (partial_.empty()) stoppable.emplace();
  while (!text.empty()) {
    const ssize_t n = ::write(fd_, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : EIO;
      throw OutputFailed(fmt::format("cannot write {}: {}", shown_path(current_name()), std::strerror(error)));
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

void OutputTarget::commit() {
  if (partial_.empty()) return;
  const auto fail = [&](const std::string& what) {
    throw OutputFailed(fmt::format("cannot write {}: {}", shown_path(what), std::strerror(errno)));
  };
  if (fsync(fd_) != 0) fail(partial_);
  // Renamed while still locked: no other run can take the partial file over in between.
  if (rename(partial_.c_str(), final_.c_str()) != 0) fail(final_);
  partial_.clear();
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(path_);
  // The directory entry too, so that a crash right after the run keeps the renamed file.
  const int dir = ::open(parent_of(final_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    fsync(dir);
    ::close(dir);
  }
}

void OutputTarget::abandon() noexcept {
  if (created_) unlink(partial_.c_str());
  created_ = false;
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

}  // namespace mpibench
