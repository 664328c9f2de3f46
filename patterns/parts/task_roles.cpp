#include "patterns/parts/task_roles.hpp"

#include <fmt/format.h>

#include <deque>
#include <functional>

#include "toolkit/mpi_check.hpp"

namespace mpibench::task {
namespace {

constexpr int client_rank = 1;

// What the queue and the client share: dispatching into the ledger, collecting results,
// draining, and the accounting. `initial` lists the destinations of the first tasks;
// `next_for(source)` where the task that replaces a returned one goes; results come from
// `result_source` (MPI_ANY_SOURCE for the queue, the broker for the client).
RunOutcome dispatch_and_collect(const RunSpec& spec, SlotPool& tasks, std::span<std::byte> result,
                                const std::vector<int>& initial,
                                const std::function<int(int)>& next_for, int result_source) {
  const Clock& clock = *spec.clock;
  TaskLedger ledger(spec.payload_sum);
  RunOutcome outcome;
  const double start = clock.now();
  const auto may_send = [&](double now) {
    if (ledger.sent() >= spec.max_ops) return false;
    if (ledger.sent() < spec.min_ops || now - start < spec.max_time_s) return true;
    outcome.stopped_by_time = true;
    return false;
  };
  const auto dispatch = [&](int destination) {
    const int slot = tasks.acquire();
    const auto message = tasks.buffer(slot);
    const std::uint64_t id = ledger.dispatch(clock.now());
    write_id(message, id);
    mpi_check(MPI_Isend(message.data(), static_cast<int>(message.size()), MPI_BYTE, destination,
                        tag_task, spec.comm, tasks.request(slot)));
  };
  for (const int destination : initial) {
    if (may_send(clock.now())) dispatch(destination);
  }
  while (ledger.done() < ledger.sent()) {
    MPI_Status status;
    if (!receive_within(result, result_source, tag_result, spec.comm, status, clock, spec.loss_timeout_s)) {
      outcome.failure = fmt::format("{} of {} tasks lost: no result within {:g} s",
                                    ledger.sent() - ledger.done(), ledger.sent(), spec.loss_timeout_s);
      break;
    }
    const double now = clock.now();
    if (auto problem = ledger.receive(result, status.MPI_SOURCE, now)) {
      outcome.failure = std::move(problem);
      break;
    }
    if (may_send(now)) dispatch(next_for(status.MPI_SOURCE));
  }
  if (!outcome.failure) tasks.wait_all();
  outcome.sent = ledger.sent();
  outcome.done = ledger.done();
  outcome.elapsed_s = ledger.last_result() - ledger.first_dispatch();
  outcome.round_trips = std::move(ledger.round_trips());
  return outcome;
}

void send_stop(MPI_Comm comm, int rank) {
  mpi_check(MPI_Send(nullptr, 0, MPI_BYTE, rank, tag_stop, comm));
}

}  // namespace

RunOutcome run_queue(const RunSpec& spec, SlotPool& tasks, std::span<std::byte> result) {
  std::vector<int> initial;
  for (int p = 0; p < spec.prefetch; ++p) {
    for (int w = 0; w < spec.workers; ++w) initial.push_back(spec.first_worker + w);
  }
  RunOutcome outcome =
      dispatch_and_collect(spec, tasks, result, initial, [](int source) { return source; }, MPI_ANY_SOURCE);
  for (int w = 0; w < spec.workers; ++w) send_stop(spec.comm, spec.first_worker + w);
  return outcome;
}

RunOutcome run_client(const RunSpec& spec, SlotPool& tasks, std::span<std::byte> result) {
  const std::vector<int> initial(static_cast<std::size_t>(spec.workers * spec.prefetch), 0);
  RunOutcome outcome = dispatch_and_collect(spec, tasks, result, initial, [](int) { return 0; }, 0);
  send_stop(spec.comm, 0);
  return outcome;
}

void run_broker(const RunSpec& spec, SlotPool& tasks, SlotPool& results) {
  std::vector<int> in_flight(static_cast<std::size_t>(spec.workers), 0);
  std::deque<std::pair<int, int>> waiting;  // (slot, bytes) of tasks no worker has room for
  const auto forward = [&](int slot, int bytes, int worker) {
    tasks.hold(slot, false);
    ++in_flight[static_cast<std::size_t>(worker - spec.first_worker)];
    mpi_check(MPI_Isend(tasks.buffer(slot).data(), bytes, MPI_BYTE, worker, tag_task, spec.comm,
                        tasks.request(slot)));
  };
  const auto least_loaded_with_room = [&]() {
    int best = -1;
    for (int w = 0; w < spec.workers; ++w) {
      const int load = in_flight[static_cast<std::size_t>(w)];
      if (load < spec.prefetch && (best < 0 || load < in_flight[static_cast<std::size_t>(best)])) best = w;
    }
    return best < 0 ? -1 : spec.first_worker + best;
  };
  for (;;) {
    MPI_Status status;
    mpi_check(MPI_Probe(MPI_ANY_SOURCE, MPI_ANY_TAG, spec.comm, &status));
    if (status.MPI_TAG == tag_stop) {
      mpi_check(MPI_Recv(nullptr, 0, MPI_BYTE, status.MPI_SOURCE, tag_stop, spec.comm, MPI_STATUS_IGNORE));
      break;
    }
    int bytes = 0;
    mpi_check(MPI_Get_count(&status, MPI_BYTE, &bytes));
    if (status.MPI_TAG == tag_task) {
      const int slot = tasks.acquire();
      tasks.hold(slot, true);
      mpi_check(MPI_Recv(tasks.buffer(slot).data(), bytes, MPI_BYTE, status.MPI_SOURCE, tag_task,
                         spec.comm, MPI_STATUS_IGNORE));
      if (const int worker = least_loaded_with_room(); worker >= 0) {
        forward(slot, bytes, worker);
      } else {
        waiting.emplace_back(slot, bytes);
      }
    } else {
      const int worker = status.MPI_SOURCE;
      const int slot = results.acquire();
      mpi_check(MPI_Recv(results.buffer(slot).data(), bytes, MPI_BYTE, worker, tag_result,
                         spec.comm, MPI_STATUS_IGNORE));
      mpi_check(MPI_Isend(results.buffer(slot).data(), bytes, MPI_BYTE, client_rank, tag_result,
                          spec.comm, results.request(slot)));
      --in_flight[static_cast<std::size_t>(worker - spec.first_worker)];
      if (!waiting.empty()) {
        const auto [next, next_bytes] = waiting.front();
        waiting.pop_front();
        forward(next, next_bytes, worker);
      }
    }
  }
  for (int w = 0; w < spec.workers; ++w) send_stop(spec.comm, spec.first_worker + w);
  tasks.wait_all();
  results.wait_all();
}

}  // namespace mpibench::task
