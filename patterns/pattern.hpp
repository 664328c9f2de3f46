#pragma once
// The unit every measured operation is written as. A pattern does one operation: it owns
// its buffers and its MPI calls, and nothing else. Loops over samples, clocks, statistics
// and output belong to the runner (bench/), which never knows which pattern it runs.
#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "bench/buffers.hpp"
#include "patterns/reduction.hpp"
#include "results/record.hpp"

namespace mpibench {

// Options some patterns take; the catalog says which pattern uses which.
struct PatternOptions {
  int window = 64;               // bandwidth: messages in flight per operation
  int root = 0;                  // rooted collectives
  ReduceOp op = ReduceOp::sum;   // reductions
  ReduceType type = ReduceType::float32;
  bool corrupt_payload = false;  // test only: the root (rank 0 for point-to-point) spoils
                                 // what it sends in validation passes
};

struct PatternContext {
  MPI_Comm comm;  // the ranks taking part, never MPI_COMM_WORLD itself
  BufferProvider& buffers;
  const PatternOptions& options;
};

// How the runner times a pattern.
enum class Timing {
  batched,          // k operations between two clock reads (point-to-point)
  one_per_sample,   // one operation per sample after a synchronization (collectives, which
                    // would pipeline back to back)
};

// Where a validation pass found a wrong byte on this rank.
struct Mismatch {
  std::size_t offset = 0;
  std::string what;  // which message, e.g. "reply from rank 1"
};

class Pattern {
 public:
  virtual ~Pattern() = default;

  virtual Timing timing() const { return Timing::batched; }

  // The message size actually measured for a requested size, or nothing to skip it (a
  // reduction measures whole elements only).
  virtual std::optional<std::size_t> effective_bytes(std::size_t requested) const {
    return requested;
  }

  // Bytes this rank will allocate for messages of `bytes` (checked before any allocation).
  virtual std::size_t buffer_bytes(std::size_t bytes) const = 0;

  // Allocates and touches the buffers for messages of `bytes`.
  virtual void setup(std::size_t bytes) = 0;

  // `ops` operations, back to back. No clocks, no output.
  virtual void run(std::int64_t ops) = 0;

  // One operation with payloads derived from `seed`, checked on receipt. Outside timing.
  virtual std::optional<Mismatch> run_validated(std::uint64_t seed) = 0;

  // The time reported per operation is the operation's time divided by this (ping-pong
  // reports half a round trip, the one-way latency).
  virtual double time_divisor() const { return 1.0; }

  // Bytes that bandwidth is computed from, per reported time.
  virtual double bandwidth_bytes(std::size_t bytes) const { return static_cast<double>(bytes); }

  // The pattern's own columns for a row at `bytes` (window, root, root_bytes, op, ...).
  virtual Record describe(std::size_t bytes) const {
    static_cast<void>(bytes);
    return {};
  }
};

}  // namespace mpibench
