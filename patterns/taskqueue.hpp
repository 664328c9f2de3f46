#pragma once
// The task-queue round trip: the message traffic behind Celery-style task queues, with MPI
// ranks. Rank 0 is the queue (or, with --broker, the broker between a client on rank 1 and
// the workers); the other ranks are workers. Each configuration (payload x workers x
// prefetch x work) runs up to --tasks tasks or its time budget, drains the tasks in flight,
// and reports every task's round trip, throughput and the accounting of tasks.
#include <array>
#include <vector>

#include "patterns/pattern.hpp"
#include "patterns/task_roles.hpp"

namespace mpibench {

class TaskQueue final : public Pattern {
 public:
  explicit TaskQueue(const PatternContext& context);

  // Refuses options the launched ranks cannot honour (catalog check).
  static std::optional<std::string> check(const PatternOptions& options, int ranks);

  Timing timing() const override { return Timing::self_timed; }
  std::size_t variant_count() const override;
  void select_variant(std::size_t index) override;
  std::size_t buffer_bytes(std::size_t bytes) const override;
  void setup(std::size_t bytes) override;
  void run(std::int64_t ops) override;
  std::optional<Mismatch> run_validated(std::uint64_t seed) override;
  SelfTimedRun run_self_timed(const Clock& clock, std::int64_t min_ops, std::int64_t max_ops,
                              double max_time_s) override;
  std::optional<double> bandwidth_bytes(std::size_t) const override { return std::nullopt; }
  Record describe(std::size_t bytes) const override;

 private:
  enum class Role { queue, broker, client, worker, idle };
  Role role() const;
  int first_worker() const { return context_.options.broker ? 2 : 1; }
  int slots() const { return workers_ * prefetch_; }
  SelfTimedRun run_configuration(const Clock& clock, std::int64_t min_ops, std::int64_t max_ops,
                                 double max_time_s, bool corrupt);
  void prepare_payloads(bool corrupt);
  task::WorkerFault injected_fault() const;
  void send_outcome_to_rank0(const task::RunOutcome& outcome);
  task::RunOutcome receive_outcome_from_client();

  PatternContext context_;
  int rank_ = 0;
  int ranks_ = 0;
  std::vector<int> worker_counts_;
  int workers_ = 1;
  int prefetch_ = 1;
  double work_us_ = 0;
  std::size_t bytes_ = 0;
  std::uint32_t payload_sum_ = 0;
  std::vector<std::span<std::byte>> task_buffers_;
  std::vector<std::span<std::byte>> result_buffers_;
};

}  // namespace mpibench
