// The task-queue round trip: the message traffic behind Celery-style task queues, with MPI
// ranks. Rank 0 is the queue (or, with --broker, the broker between a client on rank 1 and
// the workers); the other ranks are workers. Each configuration (payload x workers x
// prefetch x work) runs up to --tasks tasks or its time budget, drains the tasks in flight,
// and reports every task's round trip, throughput and the accounting of tasks.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "toolkit/mpi_check.hpp"
#include "toolkit/payload.hpp"
#include "patterns/definition.hpp"
#include "patterns/parts/task_roles.hpp"

namespace mpibench {
namespace {

constexpr int tag_outcome = 20;
constexpr int tag_round_trips = 21;
constexpr int tag_failure = 22;

constexpr PatternOption workers_option{
    .flags = "--workers",
    .kind = OptionKind::integer_list,
    .default_text = "",
    .type_name = "N,...",
    .help = "Worker counts to measure, a comma list (default: every rank but the queue, or but "
            "the broker and the client)",
    .min = 1,
};
constexpr PatternOption prefetch_option{
    .flags = "--prefetch",
    .kind = OptionKind::integer_list,
    .default_text = "1",
    .type_name = "P,...",
    .help = "Tasks in flight per worker, a comma list (1 = strict round trip; more pipelines, as "
            "a Celery worker's prefetch)",
    .min = 1,
    .max = 1024,
};
constexpr PatternOption work_us_option{
    .flags = "--work-us",
    .kind = OptionKind::real_list,
    .default_text = "0",
    .type_name = "US,...",
    .help = "Simulated work per task in microseconds, a comma list (a busy loop on the clock, "
            "not sleep)",
    .min = 0,
};
constexpr PatternOption result_bytes_option{
    .flags = "--result-bytes",
    .kind = OptionKind::integer,
    .default_text = "8",
    .type_name = "BYTES",
    .help = "Size of each result (the task's id and a checksum of its payload, padded; K, M suffixes as --sizes)",
    .min = task::min_result_bytes,
    .max = 1 << 30,
    .bytes = true,
};
constexpr PatternOption broker_option{
    .flags = "--broker",
    .kind = OptionKind::flag,
    .default_text = "",
    .type_name = "",
    .help = "Route tasks client (rank 1) -> broker (rank 0) -> worker -> broker -> client; the "
            "client measures the round trip (needs 3 ranks)",
};
constexpr PatternOption loss_timeout_option{
    .flags = "--loss-timeout",
    .kind = OptionKind::real,
    .default_text = "10",
    .type_name = "SECONDS",
    .help = "Seconds without any result after which the tasks in flight count as lost (the run "
            "then stops with exit 1)",
    .min = 0,
    .min_excluded = true,
};
// Test only: the first worker loses ("lose") or repeats ("duplicate") its first result, to
// prove that lost and duplicated results are caught.
constexpr PatternOption inject_fault_option{
    .flags = "--inject-fault",
    .kind = OptionKind::text,
    .default_text = "",
    .type_name = "",
    .help = "",
    .choices = "lose duplicate",
};
constexpr PatternOption tasks_option{
    .flags = "--tasks",
    .kind = OptionKind::integer,
    .default_text = "10000",
    .type_name = "T",
    .help = "Tasks per configuration, at most (--max-time also ends a configuration; the tasks in "
            "flight are always drained)",
    .min = 1,
    .max = 1e9,
};
constexpr std::array<const PatternOption*, 8> task_options{
    &workers_option,      &prefetch_option, &work_us_option,      &result_bytes_option,
    &broker_option,       &loss_timeout_option, &inject_fault_option, &tasks_option};

using enum ColumnRole;
using enum ColumnType;
constexpr std::array configuration_columns{
    Column{"workers", "", configuration, integer, true},
    Column{"prefetch", "", configuration, integer, true},
    Column{"work_us", "us", configuration, real, true},
    Column{"result_bytes", "B", configuration, integer, true},
    Column{"broker", "", configuration, text, true},
};
constexpr std::array result_columns{
    Column{"tasks_sent", "", result, integer, true},
    Column{"tasks_done", "", result, integer, true},
    Column{"tasks_lost", "", result, integer, true},
    Column{"tasks_per_s", "1/s", result, real, true},
    Column{"efficiency", "", result, real, true},
};

// The options, read once: each list is one axis of the configurations (empty workers = all
// of them).
struct TaskSettings {
  std::vector<int> workers;
  std::vector<int> prefetch;
  std::vector<double> work_us;
  int result_bytes;
  bool broker;
  double loss_timeout_s;  // no result for this long: the tasks in flight are lost
  std::string inject_fault;
  std::int64_t tasks;
};

TaskSettings settings_from(const OptionValues& values) {
  const auto ints = [](const std::vector<std::int64_t>& list) {
    return std::vector<int>(list.begin(), list.end());
  };
  return TaskSettings{ints(values.integers(workers_option)), ints(values.integers(prefetch_option)),
                      values.reals(work_us_option), static_cast<int>(values.integer(result_bytes_option)),
                      values.flag(broker_option), values.real(loss_timeout_option),
                      values.text(inject_fault_option), values.integer(tasks_option)};
}

class TaskQueue final : public SelfTimedPattern {
 public:
  explicit TaskQueue(const PatternContext& context);

  // Refuses options the launched ranks cannot honour (the definition's check).
  static std::optional<std::string> check(const OptionValues& options, int ranks);

  std::size_t variant_count() const override;
  void select_variant(std::size_t index) override;
  std::size_t buffer_bytes(std::size_t bytes) const override;
  void setup(std::size_t bytes) override;
  std::optional<Mismatch> run_validated(std::uint64_t seed) override;
  std::int64_t default_max_ops() const override { return settings_.tasks; }
  SelfTimedRun run_self_timed(const Clock& clock, const OperationBudget& budget) override;
  std::optional<double> bandwidth_bytes(std::size_t) const override { return std::nullopt; }
  Record configuration_cells(std::size_t bytes) const override;

 private:
  enum class Role { queue, broker, client, worker, idle };
  Role role() const;
  int first_worker() const { return settings_.broker ? 2 : 1; }
  int slots() const { return workers_ * prefetch_; }
  SelfTimedRun run_configuration(const Clock& clock, const OperationBudget& budget, bool corrupt);
  void prepare_payloads(bool corrupt);
  task::WorkerFault injected_fault() const;
  void send_outcome_to_rank0(const task::RunOutcome& outcome);
  task::RunOutcome receive_outcome_from_client();

  PatternContext context_;
  TaskSettings settings_;
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

TaskQueue::TaskQueue(const PatternContext& context)
    : context_(context), settings_(settings_from(context.options)) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
  mpi_check(MPI_Comm_size(context_.comm, &ranks_));
  worker_counts_ = settings_.workers;
  if (worker_counts_.empty()) worker_counts_ = {ranks_ - first_worker()};
}

std::optional<std::string> TaskQueue::check(const OptionValues& values, int ranks) {
  const TaskSettings options = settings_from(values);
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
  return worker_counts_.size() * settings_.prefetch.size() * settings_.work_us.size();
}

void TaskQueue::select_variant(std::size_t index) {
  const auto& options = settings_;
  work_us_ = options.work_us[index % options.work_us.size()];
  index /= options.work_us.size();
  prefetch_ = options.prefetch[index % options.prefetch.size()];
  index /= options.prefetch.size();
  workers_ = worker_counts_[index];
}

TaskQueue::Role TaskQueue::role() const {
  if (rank_ == 0) return settings_.broker ? Role::broker : Role::queue;
  if (settings_.broker && rank_ == 1) return Role::client;
  if (rank_ < first_worker() + workers_) return Role::worker;
  return Role::idle;
}

std::size_t TaskQueue::buffer_bytes(std::size_t bytes) const {
  // The largest configuration: the most workers and the deepest prefetch.
  const auto most_workers = static_cast<std::size_t>(*std::max_element(worker_counts_.begin(), worker_counts_.end()));
  const auto deepest = static_cast<std::size_t>(
      *std::max_element(settings_.prefetch.begin(), settings_.prefetch.end()));
  const std::size_t task = task::header_bytes + bytes;
  const auto result = static_cast<std::size_t>(settings_.result_bytes);
  const std::size_t in_flight = most_workers * deepest;
  if (rank_ == 0 && settings_.broker) return in_flight * (task + result);
  if (rank_ == 0 || (settings_.broker && rank_ == 1)) return in_flight * task + result;
  return task + result;
}

void TaskQueue::setup(std::size_t bytes) {
  bytes_ = bytes;
  context_.buffers.release_all();
  task_buffers_.clear();
  result_buffers_.clear();
  const std::size_t task = task::header_bytes + bytes;
  const auto result = static_cast<std::size_t>(settings_.result_bytes);
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

SelfTimedRun TaskQueue::run_self_timed(const Clock& clock, const OperationBudget& budget) {
  return run_configuration(clock, budget, false);
}

SelfTimedRun TaskQueue::run_configuration(const Clock& clock, const OperationBudget& budget,
                                          bool corrupt) {
  task::RunSpec spec;
  spec.comm = context_.comm;
  spec.clock = &clock;
  spec.first_worker = first_worker();
  spec.workers = workers_;
  spec.prefetch = prefetch_;
  spec.min_ops = budget.min_ops;
  spec.max_ops = budget.max_ops;
  spec.max_time_s = budget.max_time_s;
  // Generous beyond --loss-timeout for long work: a worker's queue must drain first.
  spec.loss_timeout_s = settings_.loss_timeout_s + 1e-6 * work_us_ * prefetch_ * 100;

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
  run.own_results.set("tasks_sent", outcome.sent)
      .set("tasks_done", outcome.done)
      .set("tasks_lost", outcome.sent - outcome.done)
      .set("tasks_per_s", tasks_per_s)
      // Without work there is nothing to be efficient at: blank, not 0.
      .set("efficiency", work_us_ > 0 ? Cell{tasks_per_s * work_us_ * 1e-6 / workers_} : Cell{});
  return run;
}

task::WorkerFault TaskQueue::injected_fault() const {
  if (rank_ != first_worker()) return task::WorkerFault::none;
  if (settings_.inject_fault == "lose") return task::WorkerFault::lose_first_result;
  if (settings_.inject_fault == "duplicate") return task::WorkerFault::duplicate_first_result;
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
      run_configuration(clock, OperationBudget{tasks, tasks, 60.0}, context_.corrupt_payload);
  if (run.failure) return Mismatch{std::nullopt, *run.failure};
  return std::nullopt;
}

Record TaskQueue::configuration_cells(std::size_t) const {
  Record cells;
  cells.set("workers", std::int64_t{workers_})
      .set("prefetch", std::int64_t{prefetch_})
      .set("work_us", work_us_)
      .set("result_bytes", std::int64_t{settings_.result_bytes})
      .set("broker", std::string(settings_.broker ? "yes" : "no"));
  return cells;
}

constexpr std::array examples{
    Example{"mpiexec -n 4 mpibench taskqueue --sizes 0:64K --prefetch 1,4 -o tq.csv",
            "one and four tasks in flight per worker"},
    Example{"mpiexec -n 4 mpibench taskqueue --work-us 0,10,100 --workers 1,2,3",
            "as the work and the workers grow"},
    Example{"mpiexec -n 4 mpibench taskqueue --broker",
            "client -> broker -> worker and back, as Celery"},
};

}  // namespace

constinit const PatternDefinition taskqueue_pattern{
    .name = "taskqueue",
    .summary = "task-queue round trip: rank 0 hands tasks to workers (or, with --broker, "
               "forwards a client's tasks), workers return results; per-task round trip and "
               "tasks/s",
    .examples = examples,
    .sizes = "0:64K",  // task payloads are small
    .options = task_options,
    .configuration_columns = configuration_columns,
    .result_columns = result_columns,
    .make = make_pattern<TaskQueue>,
    .check = TaskQueue::check,
};

}  // namespace mpibench
