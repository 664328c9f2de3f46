#pragma once
// The three roles of a task-queue run besides the workers (task_protocol.hpp): the queue
// that hands tasks straight to workers; the client that submits tasks through a broker;
// and the broker, which forwards tasks to workers and results to the client.
#include <mpi.h>

#include <optional>
#include <string>
#include <vector>

#include "toolkit/clock.hpp"
#include "patterns/parts/task_protocol.hpp"

namespace mpibench::task {

struct RunSpec {
  MPI_Comm comm = MPI_COMM_NULL;
  const Clock* clock = nullptr;
  int first_worker = 1;  // rank of the first worker: 1, or 2 behind a broker
  int workers = 1;
  int prefetch = 1;      // tasks in flight per worker
  std::int64_t min_ops = 1;
  std::int64_t max_ops = 1;
  double max_time_s = 1;      // no new task after this, once min_ops are out
  double loss_timeout_s = 10;  // no result for this long: the tasks in flight are lost
  std::uint32_t payload_sum = 0;
};

struct RunOutcome {
  std::vector<double> round_trips;  // seconds, one per task done
  std::int64_t sent = 0;
  std::int64_t done = 0;
  double elapsed_s = 0;             // first dispatch to last result
  bool stopped_by_time = false;
  std::optional<std::string> failure;
};

// Rank 0 without a broker: keeps `prefetch` tasks in flight at every worker, and gives each
// returned result's worker its next task (dynamic, so a slow worker does not stall others).
RunOutcome run_queue(const RunSpec& spec, SlotPool& tasks, std::span<std::byte> result);

// Rank 1 behind a broker: keeps workers x prefetch tasks in flight at the broker and times
// each from submission to result.
RunOutcome run_client(const RunSpec& spec, SlotPool& tasks, std::span<std::byte> result);

// Rank 0 with --broker: until the client's stop message, receives tasks from the client,
// hands them to the least loaded worker with room (or queues them), and routes results back.
void run_broker(const RunSpec& spec, SlotPool& tasks, SlotPool& results);

}  // namespace mpibench::task
