#pragma once
// The two kinds of failure a user sees, each with its own exit code. They are thrown where
// the problem is found and caught once, in cli/main.cpp.
#include <stdexcept>

namespace mpibench {

enum ExitCode : int {
  exit_ok = 0,
  exit_run_failed = 1,  // the run started and could not finish; the output keeps what it measured
  exit_verdict_failed = 1,  // the run completed; a verdict asked to gate it (--fail-on-outliers) failed
  exit_usage = 2,       // bad input, found before any output file exists
};

// A mistake in what the user asked for. The message is written for the user.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A run that started and then failed (payload mismatch, time limit, lost task).
class RunError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The time limit passed and rank 0 stopped the run between two samples; the message is the
// whole reason, with no pattern or size in front.
class TimeLimitReached : public RunError {
 public:
  using RunError::RunError;
};

}  // namespace mpibench
