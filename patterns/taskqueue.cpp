#include "patterns/taskqueue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "bench/mpi_check.hpp"
#include "bench/payload.hpp"

namespace mpibench {
namespace {

constexpr int tag_outcome = 20;
constexpr int tag_round_trips = 21;
constexpr int tag_failure = 22;


}  // namespace

TaskQueue::TaskQueue(const PatternContext& context) : context_(context) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
  mpi_check(MPI_Comm_size(context_.comm, &ranks_));
  worker_counts_ = context_.options.workers;
  if (worker_counts_.empty()) worker_counts_ = {ranks_ - first_worker()};
}

std::optional<std::string> TaskQueue::check(const PatternOptions& options, int ranks) {
  if (options.broker && ranks < 3) {
    return fmt::format("--broker needs at least 3 ranks (the broker, a client and a worker), "
                       "but {} {} launched", ranks, ranks == 1 ? "was" : "were");
  }
  const int available = ranks - (options.broker ? 2 : 1);
  for (const int workers : options.workers) {
    if (workers < 1 || workers > available) {
      return fmt::format("--workers {} is out of range: {} ranks leave {} worker{} ({}); use 1 to {}",
                         workers, ranks, available, available == 1 ? "" : "s",
                         options.broker ? "rank 0 is the broker and rank 1 the client"
                                        : "rank 0 is the queue",
                         available);
    }
  }
  return std::nullopt;
}

std::size_t TaskQueue::variant_count() const {
  return worker_counts_.size() * context_.options.prefetch.size() * context_.options.work_us.size();
}

void TaskQueue::select_variant(std::size_t index) {
  const auto& options = context_.options;
  work_us_ = options.work_us[index % options.work_us.size()];
  index /= options.work_us.size();
  prefetch_ = options.prefetch[index % options.prefetch.size()];
  index /= options.prefetch.size();
  workers_ = worker_counts_[index];
}

TaskQueue::Role TaskQueue::role() const {
  if (rank_ == 0) return context_.options.broker ? Role::broker : Role::queue;
  if (context_.options.broker && rank_ == 1) return Role::client;
  if (rank_ < first_worker() + workers_) return Role::worker;
  return Role::idle;
}

std::size_t TaskQueue::buffer_bytes(std::size_t bytes) const {
  // The largest configuration: the most workers and the deepest prefetch.
  const auto most_workers = static_cast<std::size_t>(*std::max_element(worker_counts_.begin(), worker_counts_.end()));
  const auto deepest = static_cast<std::size_t>(
      *std::max_element(context_.options.prefetch.begin(), context_.options.prefetch.end()));
  const std::size_t task = task::header_bytes + bytes;
  const auto result = static_cast<std::size_t>(context_.options.result_bytes);
  const std::size_t in_flight = most_workers * deepest;
  if (rank_ == 0 && context_.options.broker) return in_flight * (task + result);
  if (rank_ == 0 || (context_.options.broker && rank_ == 1)) return in_flight * task + result;
  return task + result;
}

void TaskQueue::setup(std::size_t bytes) {
  bytes_ = bytes;
  context_.buffers.release_all();
  task_buffers_.clear();
  result_buffers_.clear();
  const std::size_t task = task::header_bytes + bytes;
  const auto result = static_cast<std::size_t>(context_.options.result_bytes);
  switch (role()) {
    case Role::queue:
    case Role::client:
      for (int i = 0; i < slots(); ++i) task_buffers_.push_back(context_.buffers.get(task));
      result_buffers_.push_back(context_.buffers.get(result));
      break;
    case Role::broker:
      for (int i = 0; i < slots(); ++i) {
        task_buffers_.push_back(context_.buffers.get(task));
        result_buffers_.push_back(context_.buffers.get(result));
      }
      break;
    case Role::worker:
      task_buffers_.push_back(context_.buffers.get(task));
      result_buffers_.push_back(context_.buffers.get(result));
      break;
    case Role::idle:
      break;
  }
}

void TaskQueue::run(std::int64_t) {
  throw std::logic_error("taskqueue is self-timed; the runner calls run_self_timed()");
}

// The payload is written once per run, outside the timed region; tasks differ by id. With
// `corrupt` every payload is spoiled after its checksum was taken (or, for empty payloads,
// the ids are), which the queue must catch.
void TaskQueue::prepare_payloads(bool corrupt) {
  const std::uint64_t seed = payload_seed(bytes_, 0x7a5c, 0);
  for (auto& buffer : task_buffers_) fill_payload(buffer.subspan(task::header_bytes), seed);
  payload_sum_ = task_buffers_.empty() ? 0 : task::payload_sum(task_buffers_.front().subspan(task::header_bytes));
  if (!corrupt) return;
  for (auto& buffer : task_buffers_) spoil_payload(buffer.subspan(task::header_bytes));
  if (bytes_ == 0) payload_sum_ ^= 1U;
}

SelfTimedRun TaskQueue::run_self_timed(const Clock& clock, std::int64_t min_ops,
                                       std::int64_t max_ops, double max_time_s) {
  return run_configuration(clock, min_ops, max_ops, max_time_s, false);
}

SelfTimedRun TaskQueue::run_configuration(const Clock& clock, std::int64_t min_ops,
                                          std::int64_t max_ops, double max_time_s, bool corrupt) {
  task::RunSpec spec;
  spec.comm = context_.comm;
  spec.clock = &clock;
  spec.first_worker = first_worker();
  spec.workers = workers_;
  spec.prefetch = prefetch_;
  spec.min_ops = min_ops;
  spec.max_ops = max_ops;
  spec.max_time_s = max_time_s;
  // Generous beyond --loss-timeout for long work: a worker's queue must drain first.
  spec.loss_timeout_s = context_.options.loss_timeout_s + 1e-6 * work_us_ * prefetch_ * 100;

  const Role me = role();
  if (me == Role::queue || me == Role::client) prepare_payloads(corrupt);
  spec.payload_sum = payload_sum_;

  task::RunOutcome outcome;
  switch (me) {
    case Role::queue: {
      task::SlotPool tasks(task_buffers_);
      outcome = task::run_queue(spec, tasks, result_buffers_.front());
      break;
    }
    case Role::client: {
      task::SlotPool tasks(task_buffers_);
      send_outcome_to_rank0(task::run_client(spec, tasks, result_buffers_.front()));
      return {};
    }
    case Role::broker: {
      task::SlotPool tasks(task_buffers_);
      task::SlotPool results(result_buffers_);
      task::run_broker(spec, tasks, results);
      outcome = receive_outcome_from_client();
      break;
    }
    case Role::worker:
      task::serve_tasks(context_.comm, task_buffers_.front(), result_buffers_.front(),
                        work_us_ * 1e-6, clock, injected_fault());
      return {};
    case Role::idle:
      return {};
  }

  SelfTimedRun run;
  run.op_seconds = std::move(outcome.round_trips);
  run.stopped_by_time = outcome.stopped_by_time;
  run.failure = outcome.failure;
  if (!run.failure && outcome.done != outcome.sent) {
    run.failure = fmt::format("{} of {} tasks lost", outcome.sent - outcome.done, outcome.sent);
  }
  const double tasks_per_s = outcome.elapsed_s > 0 ? static_cast<double>(outcome.done) / outcome.elapsed_s : 0;
  run.cells.set("tasks_sent", outcome.sent)
      .set("tasks_done", outcome.done)
      .set("tasks_lost", outcome.sent - outcome.done)
      .set("tasks_per_s", tasks_per_s)
      .set("efficiency", tasks_per_s * work_us_ * 1e-6 / workers_);
  return run;
}

task::WorkerFault TaskQueue::injected_fault() const {
  if (rank_ != first_worker()) return task::WorkerFault::none;
  if (context_.options.inject_fault == "lose") return task::WorkerFault::lose_first_result;
  if (context_.options.inject_fault == "duplicate") return task::WorkerFault::duplicate_first_result;
  return task::WorkerFault::none;
}

void TaskQueue::send_outcome_to_rank0(const task::RunOutcome& outcome) {
  const double header[5] = {static_cast<double>(outcome.sent), static_cast<double>(outcome.done),
                            outcome.elapsed_s, outcome.stopped_by_time ? 1.0 : 0.0,
                            static_cast<double>(outcome.round_trips.size())};
  mpi_check(MPI_Send(header, 5, MPI_DOUBLE, 0, tag_outcome, context_.comm));
  mpi_check(MPI_Send(outcome.round_trips.data(), static_cast<int>(outcome.round_trips.size()),
                     MPI_DOUBLE, 0, tag_round_trips, context_.comm));
  const std::string failure = outcome.failure.value_or("");
  mpi_check(MPI_Send(failure.data(), static_cast<int>(failure.size()), MPI_CHAR, 0, tag_failure,
                     context_.comm));
}

task::RunOutcome TaskQueue::receive_outcome_from_client() {
  constexpr int client = 1;
  double header[5];
  mpi_check(MPI_Recv(header, 5, MPI_DOUBLE, client, tag_outcome, context_.comm, MPI_STATUS_IGNORE));
  task::RunOutcome outcome;
  outcome.sent = static_cast<std::int64_t>(header[0]);
  outcome.done = static_cast<std::int64_t>(header[1]);
  outcome.elapsed_s = header[2];
  outcome.stopped_by_time = header[3] != 0;
  outcome.round_trips.resize(static_cast<std::size_t>(header[4]));
  mpi_check(MPI_Recv(outcome.round_trips.data(), static_cast<int>(outcome.round_trips.size()),
                     MPI_DOUBLE, client, tag_round_trips, context_.comm, MPI_STATUS_IGNORE));
  MPI_Status status;
  mpi_check(MPI_Probe(client, tag_failure, context_.comm, &status));
  int length = 0;
  mpi_check(MPI_Get_count(&status, MPI_CHAR, &length));
  std::string failure(static_cast<std::size_t>(length), '\0');
  mpi_check(MPI_Recv(failure.data(), length, MPI_CHAR, client, tag_failure, context_.comm, MPI_STATUS_IGNORE));
  if (!failure.empty()) outcome.failure = failure;
  return outcome;
}

std::optional<Mismatch> TaskQueue::run_validated(std::uint64_t) {
  // A short configuration, checked like every run (ids and checksums); --corrupt-payload
  // spoils its payloads to prove the check catches them.
  const Clock clock = make_clock(ClockKind::steady_clock);
  const std::int64_t tasks = 2 * slots();
  const SelfTimedRun run =
      run_configuration(clock, tasks, tasks, 60.0, context_.options.corrupt_payload);
  if (run.failure) return Mismatch{std::nullopt, *run.failure};
  return std::nullopt;
}

Record TaskQueue::describe(std::size_t) const {
  Record cells;
  cells.set("workers", std::int64_t{workers_})
      .set("prefetch", std::int64_t{prefetch_})
      .set("work_us", work_us_)
      .set("result_bytes", std::int64_t{context_.options.result_bytes})
      .set("broker", std::string(context_.options.broker ? "yes" : "no"));
  return cells;
}

}  // namespace mpibench
