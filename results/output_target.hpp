#pragma once
// One place an output goes. A regular file is written as FILE.partial, locked against a
// second run, and renamed to FILE only once complete, so nothing named FILE is ever
// incomplete. Anything else (a device, a pipe, `-` for stdout) is written in place.
// Every write is checked; a failure throws OutputFailed naming the file and the error.
#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>

namespace mpibench {

// What two paths must share to be the same file: the file itself when it exists (hard
// links and symlinks included), else its directory and name.
struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  std::string name;  // empty when the file exists
  bool operator==(const FileIdentity&) const = default;
};

// The identity of what `path` names, without opening or creating anything; none when the
// path cannot be looked up (open() then says why).
std::optional<FileIdentity> identify_output(const std::string& path);

// Where FILE is written until it completes: FILE.partial, or, when that name would be too long
// for the file system (a legal 250-byte name), a shorter one beside it made from the name, so
// that two runs aimed at one output still meet at one lock.
std::string partial_name_for(const std::string& final_path);

class OutputTarget {
 public:
  // Opens without blocking and without creating or changing anything the user can see
  // except an empty FILE.partial; throws OutputRefused.
  static OutputTarget open(const std::string& path);
  // The standard output, written in place.
  static OutputTarget standard_output();

  OutputTarget(OutputTarget&& other) noexcept;
  OutputTarget& operator=(OutputTarget&& other) = delete;
  ~OutputTarget();

  // Takes over a stale FILE.partial left by a dead run (empties it). Called once every
  // output has opened, so a refused run leaves such a file as it was.
  void claim();
  // The whole of `text`, or OutputFailed.
  void write(std::string_view text);
  // Complete: flushed to disk and renamed into place. OutputFailed if that fails.
  void commit();
  // Refused before the run: removes the FILE.partial this run created, if it did.
  void abandon() noexcept;

  int fd() const { return fd_; }
  bool is_stdout() const { return fd_ == 1; }
  // Where the bytes are: FILE.partial until commit(), else the path.
  const std::string& current_name() const { return partial_.empty() ? path_ : partial_; }
  const std::string& path() const { return path_; }

 private:
  OutputTarget() = default;
  int fd_ = -1;
  bool owns_fd_ = false;
  bool created_ = false;  // this run created FILE.partial
  std::string path_;      // what the user named
  std::string final_;     // where FILE.partial goes (the target of a symlink)
  std::string partial_;   // empty: written in place
};

}  // namespace mpibench
