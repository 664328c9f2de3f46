#pragma once
// The two ways an output goes wrong, kept apart because the user gets different exit codes:
// refused before the run (exit 2, nothing created or deleted) or failed during it (exit 1).
#include <stdexcept>
#include <string>
#include <string_view>

namespace mpibench {

class OutputRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class OutputFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A path as an error line shows it: quoted, with control characters escaped, so a name with
// a line break still gives one line.
std::string shown_path(std::string_view path);

}  // namespace mpibench
