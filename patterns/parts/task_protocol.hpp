#pragma once
// The messages of the task queue and the pieces every role shares: a task is an 8-byte id
// followed by the payload; a result is the id and a checksum of the payload the worker
// received, padded to --result-bytes. The queue knows the payload it sent, so it checks
// every result against it without a copy.
#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "toolkit/clock.hpp"

namespace mpibench::task {

constexpr int tag_task = 10;
constexpr int tag_result = 11;
constexpr int tag_stop = 12;
constexpr std::size_t header_bytes = 8;
constexpr int min_result_bytes = 8;  // a 32-bit id and a 32-bit checksum

std::uint32_t payload_sum(std::span<const std::byte> payload);
std::uint32_t result_checksum(std::uint64_t id, std::uint32_t payload_sum);

void write_id(std::span<std::byte> task, std::uint64_t id);
std::uint64_t read_id(std::span<const std::byte> task);
void write_result(std::span<std::byte> result, std::uint64_t id, std::uint32_t checksum);
std::uint32_t result_id(std::span<const std::byte> result);
std::uint32_t result_sum(std::span<const std::byte> result);

// Busy work for `seconds` on the clock (not sleep: a sleeping worker gives its core away,
// a working one does not).
void spin_for(const Clock& clock, double seconds);

// Send buffers with their pending MPI_Isend, reused once the send has completed. A slot can
// also be held (a broker's task waiting for a free worker).
class SlotPool {
 public:
  explicit SlotPool(std::vector<std::span<std::byte>> buffers);
  // A slot that is not held and whose previous send is complete (waits if none is).
  int acquire();
  std::span<std::byte> buffer(int slot) { return buffers_[index(slot)]; }
  MPI_Request* request(int slot) { return &requests_[index(slot)]; }
  void hold(int slot, bool held) { held_[index(slot)] = held; }
  void wait_all();

 private:
  static std::size_t index(int slot) { return static_cast<std::size_t>(slot); }
  std::vector<std::span<std::byte>> buffers_;
  std::vector<MPI_Request> requests_;
  std::vector<bool> held_;
  std::size_t next_ = 0;
};

// Every task dispatched and every result received, checked: each id comes back exactly
// once, with the checksum of the payload it was sent with.
class TaskLedger {
 public:
  explicit TaskLedger(std::uint32_t payload_sum) : payload_sum_(payload_sum) {}
  std::uint64_t dispatch(double now);  // the new task's id
  // The round trip of the task, or why the result is wrong.
  std::optional<std::string> receive(std::span<const std::byte> result, int from, double now);
  std::int64_t sent() const { return static_cast<std::int64_t>(dispatched_at_.size()); }
  std::int64_t done() const { return done_; }
  std::vector<double>& round_trips() { return round_trips_; }
  double first_dispatch() const { return dispatched_at_.empty() ? 0 : dispatched_at_.front(); }
  double last_result() const { return last_result_; }

 private:
  std::uint32_t payload_sum_;
  std::vector<double> dispatched_at_;
  std::vector<bool> returned_;
  std::vector<double> round_trips_;
  std::int64_t done_ = 0;
  double last_result_ = 0;
};

// Receives one message, or gives up after `timeout_s` (a lost task must end the run, not
// hang it). Returns false on time-out.
bool receive_within(std::span<std::byte> buffer, int source, int tag, MPI_Comm comm,
                    MPI_Status& status, const Clock& clock, double timeout_s);

// Test only: how a worker misbehaves with its first result.
enum class WorkerFault { none, lose_first_result, duplicate_first_result };

// A worker: runs tasks from rank 0 until it sends the stop message.
void serve_tasks(MPI_Comm comm, std::span<std::byte> task, std::span<std::byte> result,
                 double work_s, const Clock& clock, WorkerFault fault = WorkerFault::none);

}  // namespace mpibench::task
