#pragma once
// The units every measured operation is written as. A pattern does one operation: it owns
// its buffers and its MPI calls, and nothing else. Loops over samples, clocks, statistics
// and output belong to the runner (bench/harness/), which never knows which pattern it runs.
//
// Two timing models, two interfaces on one base: an OperationPattern runs k operations
// between the runner's two clock reads; a SelfTimedPattern (the task queue: many round trips
// in flight) times each of its operations itself, within a budget the stop rule sets.
#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "toolkit/buffers.hpp"
#include "toolkit/clock.hpp"
#include "statistics/operation_budget.hpp"
#include "patterns/pattern_option.hpp"
#include "results/record.hpp"

namespace mpibench {

struct PatternContext {
  MPI_Comm comm;  // the ranks taking part, never MPI_COMM_WORLD itself
  BufferProvider& buffers;
  const OptionValues& options;  // the pattern's declared options, each with its value
  bool corrupt_payload = false;  // test only: validation passes send a spoiled payload
};

// Where a validation pass found a wrong byte on this rank (or, without an offset, what
// else was wrong).
struct Mismatch {
  std::optional<std::size_t> offset;
  std::string what;  // which message, e.g. "reply from rank 1"
};

// What every pattern answers, whatever its timing model.
class Pattern {
 public:
  virtual ~Pattern() = default;

  // Configurations measured at every size (the task queue's workers x prefetch x work);
  // select_variant() picks one before setup().
  virtual std::size_t variant_count() const { return 1; }
  virtual void select_variant(std::size_t index) { static_cast<void>(index); }

  // The message size actually measured for a requested size, or nothing to skip it (a
  // reduction measures whole elements only).
  virtual std::optional<std::size_t> effective_bytes(std::size_t requested) const {
    return requested;
  }
  // Why effective_bytes() skips a size, for the note and the refusal that say so.
  virtual std::string skip_reason() const { return "not measurable at this size"; }

  // Bytes this rank will allocate for messages of `bytes` (checked before any allocation).
  virtual std::size_t buffer_bytes(std::size_t bytes) const = 0;

  // The most bytes one MPI call handles at `bytes`, on any rank (a root's ranks x block):
  // MPI's int counts must carry it, or the size is refused before the run.
  virtual std::size_t largest_call_bytes(std::size_t bytes) const { return bytes; }

  // Allocates and touches the buffers for messages of `bytes`.
  virtual void setup(std::size_t bytes) = 0;

  // Operations with payloads derived from `seed`, checked on receipt. Outside timing.
  virtual std::optional<Mismatch> run_validated(std::uint64_t seed) = 0;

  // Bytes that bandwidth is computed from, per reported time; nothing where bandwidth has
  // no meaning (the column is then empty).
  virtual std::optional<double> bandwidth_bytes(std::size_t bytes) const {
    return static_cast<double>(bytes);
  }

  // Messages one operation moves, where a message rate means something (the pattern then
  // declares a messages_per_s result column); nothing elsewhere.
  virtual std::optional<double> messages_per_operation() const { return std::nullopt; }

  // The row's configuration cells at `bytes` (window, root, root_bytes, op, ...), as the
  // pattern's definition declares its configuration columns.
  virtual Record configuration_cells(std::size_t bytes) const {
    static_cast<void>(bytes);
    return {};
  }
};

// How the runner times an operation pattern.
enum class Timing {
  batched,         // k operations between two clock reads (point-to-point)
  one_per_sample,  // one operation per sample after a synchronization (collectives, which
                   // would pipeline back to back)
};

// A pattern the runner times: k operations between two clock reads. The skeleton the
// patterns share lives here: rank lookup, buffer allocation from send/receive sizes, and
// the validation pass (fill what is sent, poison what is received, spoil on request, run
// one operation, check).
class OperationPattern : public Pattern {
 public:
  // Public so that a pattern can inherit it (`using`); the class is abstract all the same.
  explicit OperationPattern(const PatternContext& context);

  virtual Timing timing() const { return Timing::batched; }

  // `ops` operations, back to back. No clocks, no output.
  virtual void run(std::int64_t ops) = 0;

  // The time reported per operation is the operation's time divided by this (ping-pong
  // reports half a round trip, the one-way latency).
  virtual double time_divisor() const { return 1.0; }

  std::size_t buffer_bytes(std::size_t bytes) const override {
    return send_bytes(bytes) + receive_bytes(bytes);
  }
  void setup(std::size_t bytes) final;
  std::optional<Mismatch> run_validated(std::uint64_t seed) final;

 protected:
  // This rank's send and receive buffers at `bytes` (0 where it has none).
  virtual std::size_t send_bytes(std::size_t bytes) const = 0;
  virtual std::size_t receive_bytes(std::size_t bytes) const = 0;

  // Validation: payloads derived from `seed` into what this rank sends, and a poison that
  // no correct delivery leaves into what it receives.
  virtual void prepare_payloads(std::uint64_t seed) = 0;
  // Whether this rank spoils what it sends under --corrupt-payload (default: rank 0).
  virtual bool spoils_payload() const { return rank_ == 0; }
  virtual void spoil_sent();
  // After one operation: the first wrong byte this rank received, if any.
  virtual std::optional<Mismatch> check_received(std::uint64_t seed) const = 0;

  // Block `index` of `bytes` in `buffer` (a root's or an all-to-all's per-rank blocks).
  static std::span<std::byte> block(std::span<std::byte> buffer, std::size_t bytes, int index) {
    return buffer.subspan(static_cast<std::size_t>(index) * bytes, bytes);
  }

  PatternContext context_;
  int rank_ = 0;
  int ranks_ = 0;
  std::size_t bytes_ = 0;  // the size set up
  int count_ = 0;          // bytes_ as MPI's count of MPI_BYTE
  std::span<std::byte> send_;
  std::span<std::byte> recv_;
};

// What a self-timed run hands back. Times and results are complete on rank 0 only.
struct SelfTimedRun {
  std::vector<double> op_seconds;      // one per operation, already what is reported
  bool stopped_by_time = false;        // the time budget ended it, not the operation count
  Record own_results;                  // the pattern's result columns (tasks_done, ...)
  std::optional<std::string> failure;  // e.g. a lost or duplicated task; ends the run
};

// A pattern that times each of its operations itself (one round trip per task, many in
// flight), within the budget the runner hands it.
class SelfTimedPattern : public Pattern {
 public:
  // Operations in a measured run when the stop rule does not count them itself.
  virtual std::int64_t default_max_ops() const = 0;

  // Operations until the budget says stop, each timed with `clock`. Collective.
  virtual SelfTimedRun run_self_timed(const Clock& clock, const OperationBudget& budget) = 0;
};

}  // namespace mpibench
