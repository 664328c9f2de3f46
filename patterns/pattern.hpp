#pragma once
// The unit every measured operation is written as. A pattern does one operation: it owns
// its buffers and its MPI calls, and nothing else. Loops over samples, clocks, statistics
// and output belong to the runner (bench/), which never knows which pattern it runs.
#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bench/buffers.hpp"
#include "bench/clock.hpp"
#include "patterns/reduction.hpp"
#include "results/record.hpp"

namespace mpibench {

// Options some patterns take; the catalog says which pattern uses which.
struct PatternOptions {
  int window = 64;               // bandwidth: messages in flight per operation
  int root = 0;                  // rooted collectives
  ReduceOp op = ReduceOp::sum;   // reductions
  ReduceType type = ReduceType::float32;
  // taskqueue: each list is one axis of its configurations (empty workers = all of them)
  std::vector<int> workers;
  std::vector<int> prefetch{1};
  std::vector<double> work_us{0.0};
  int result_bytes = 8;
  bool broker = false;
  double loss_timeout_s = 10;    // no result for this long: the tasks in flight are lost
  // Test only: the first worker loses ("lose") or repeats ("duplicate") its first result.
  std::string inject_fault;
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
  self_timed,       // the pattern times each of its operations itself (the task queue: one
                    // round trip per task, many in flight) and hands the times back
};

// What a self-timed run hands back. Times and cells are complete on rank 0 only.
struct SelfTimedRun {
  std::vector<double> op_seconds;      // one per operation, already what is reported
  bool stopped_by_time = false;        // the time budget ended it, not the operation count
  Record cells;                        // the pattern's own results (tasks_done, tasks_per_s, ...)
  std::optional<std::string> failure;  // e.g. a lost or duplicated task; ends the run
};

// Where a validation pass found a wrong byte on this rank (or, without an offset, what
// else was wrong).
struct Mismatch {
  std::optional<std::size_t> offset;
  std::string what;  // which message, e.g. "reply from rank 1"
};

class Pattern {
 public:
  virtual ~Pattern() = default;

  virtual Timing timing() const { return Timing::batched; }

  // Configurations measured at every size (the task queue's workers x prefetch x work);
  // select_variant() picks one before setup().
  virtual std::size_t variant_count() const { return 1; }
  virtual void select_variant(std::size_t index) { static_cast<void>(index); }

  // The message size actually measured for a requested size, or nothing to skip it (a
  // reduction measures whole elements only).
  virtual std::optional<std::size_t> effective_bytes(std::size_t requested) const {
    return requested;
  }

  // Bytes this rank will allocate for messages of `bytes` (checked before any allocation).
  virtual std::size_t buffer_bytes(std::size_t bytes) const = 0;

  // The most bytes one MPI call handles at `bytes`, on any rank (a root's ranks x block):
  // MPI's int counts must carry it, or the size is refused before the run.
  virtual std::size_t largest_call_bytes(std::size_t bytes) const { return bytes; }

  // Allocates and touches the buffers for messages of `bytes`.
  virtual void setup(std::size_t bytes) = 0;

  // `ops` operations, back to back. No clocks, no output.
  virtual void run(std::int64_t ops) = 0;

  // One operation with payloads derived from `seed`, checked on receipt. Outside timing.
  virtual std::optional<Mismatch> run_validated(std::uint64_t seed) = 0;

  // Timing::self_timed only: operations until `max_ops`, or until `max_time_s` has passed
  // once `min_ops` are done, each timed by the pattern with `clock`. Collective.
  virtual SelfTimedRun run_self_timed(const Clock& clock, std::int64_t min_ops,
                                      std::int64_t max_ops, double max_time_s) {
    static_cast<void>(clock);
    static_cast<void>(min_ops);
    static_cast<void>(max_ops);
    static_cast<void>(max_time_s);
    return {};
  }

  // The time reported per operation is the operation's time divided by this (ping-pong
  // reports half a round trip, the one-way latency).
  virtual double time_divisor() const { return 1.0; }

  // Bytes that bandwidth is computed from, per reported time; nothing where bandwidth has
  // no meaning (the column is then empty).
  virtual std::optional<double> bandwidth_bytes(std::size_t bytes) const {
    return static_cast<double>(bytes);
  }

  // The pattern's own columns for a row at `bytes` (window, root, root_bytes, op, ...).
  virtual Record describe(std::size_t bytes) const {
    static_cast<void>(bytes);
    return {};
  }
};

}  // namespace mpibench
