#include "patterns/parts/task_protocol.hpp"

#include <fmt/format.h>

#include <cstring>
#include <stdexcept>

#include "toolkit/mpi_check.hpp"

namespace mpibench::task {

std::uint32_t payload_sum(std::span<const std::byte> payload) {
  // A word-wise sum with a rotate: cheap enough to leave the worker's time to the MPI
  // library, and every byte counts.
  std::uint64_t sum = 0;
  std::size_t i = 0;
  for (; i + 8 <= payload.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, payload.data() + i, 8);
    sum = ((sum << 1) | (sum >> 63)) + word;
  }
  for (; i < payload.size(); ++i) sum = sum * 31 + std::to_integer<std::uint64_t>(payload[i]);
  return static_cast<std::uint32_t>(sum ^ (sum >> 32));
}

std::uint32_t result_checksum(std::uint64_t id, std::uint32_t sum) {
  return sum ^ static_cast<std::uint32_t>(id * 0x9e3779b1U);
}

void write_id(std::span<std::byte> task, std::uint64_t id) { std::memcpy(task.data(), &id, 8); }

std::uint64_t read_id(std::span<const std::byte> task) {
  std::uint64_t id;
  std::memcpy(&id, task.data(), 8);
  return id;
}

void write_result(std::span<std::byte> result, std::uint64_t id, std::uint32_t checksum) {
  const auto id32 = static_cast<std::uint32_t>(id);
  std::memcpy(result.data(), &id32, 4);
  std::memcpy(result.data() + 4, &checksum, 4);
}

std::uint32_t result_id(std::span<const std::byte> result) {
  std::uint32_t id;
  std::memcpy(&id, result.data(), 4);
  return id;
}

std::uint32_t result_sum(std::span<const std::byte> result) {
  std::uint32_t sum;
  std::memcpy(&sum, result.data() + 4, 4);
  return sum;
}

void spin_for(const Clock& clock, double seconds) {
  if (seconds <= 0) return;
  const double end = clock.now() + seconds;
  while (clock.now() < end) {
  }
}

SlotPool::SlotPool(std::vector<std::span<std::byte>> buffers)
    : buffers_(std::move(buffers)), requests_(buffers_.size(), MPI_REQUEST_NULL),
      held_(buffers_.size(), false) {}

int SlotPool::acquire() {
  for (std::size_t i = 0; i < requests_.size(); ++i) {
    const std::size_t slot = (next_ + i) % requests_.size();
    if (held_[slot]) continue;
    int done = 1;
    if (requests_[slot] != MPI_REQUEST_NULL) {
      mpi_check(MPI_Test(&requests_[slot], &done, MPI_STATUS_IGNORE));
    }
    if (done) {
      next_ = slot + 1;
      return static_cast<int>(slot);
    }
  }
  // Every free slot still has a send in flight: wait for one (held slots have none).
  int slot = MPI_UNDEFINED;
  mpi_check(MPI_Waitany(static_cast<int>(requests_.size()), requests_.data(), &slot, MPI_STATUS_IGNORE));
  if (slot == MPI_UNDEFINED) throw std::logic_error("task slot pool: every slot is held");
  return slot;
}

void SlotPool::wait_all() {
  mpi_check(MPI_Waitall(static_cast<int>(requests_.size()), requests_.data(), MPI_STATUSES_IGNORE));
}

std::uint64_t TaskLedger::dispatch(double now) {
  dispatched_at_.push_back(now);
  returned_.push_back(false);
  return dispatched_at_.size() - 1;
}

std::optional<std::string> TaskLedger::receive(std::span<const std::byte> result, int from,
                                               double now) {
  const std::uint32_t id = result_id(result);
  if (id >= dispatched_at_.size()) {
    return fmt::format("worker {} returned task {}, which was never sent", from, id);
  }
  if (returned_[id]) return fmt::format("task {} came back twice (from worker {})", id, from);
  if (result_sum(result) != result_checksum(id, payload_sum_)) {
    return fmt::format("task {} came back from worker {} with a wrong checksum: its payload "
                       "arrived corrupted", id, from);
  }
  returned_[id] = true;
  round_trips_.push_back(now - dispatched_at_[id]);
  ++done_;
  last_result_ = now;
  return std::nullopt;
}

bool receive_within(std::span<std::byte> buffer, int source, int tag, MPI_Comm comm,
                    MPI_Status& status, const Clock& clock, double timeout_s) {
  MPI_Request request = MPI_REQUEST_NULL;
  mpi_check(MPI_Irecv(buffer.data(), static_cast<int>(buffer.size()), MPI_BYTE, source, tag, comm,
                      &request));
  int done = 0;
  double deadline = 0;
  for (unsigned spins = 0;; ++spins) {
    mpi_check(MPI_Test(&request, &done, &status));
    if (done) return true;
    // The clock is read once every 1024 polls, so the wait costs what MPI_Recv costs.
    if ((spins & 1023U) == 0) {
      const double now = clock.now();
      if (deadline == 0) deadline = now + timeout_s;
      if (now > deadline) {
        MPI_Cancel(&request);
        MPI_Request_free(&request);
        return false;
      }
    }
  }
}

void serve_tasks(MPI_Comm comm, std::span<std::byte> task, std::span<std::byte> result,
                 double work_s, const Clock& clock, WorkerFault fault) {
  for (bool first = true;; first = false) {
    MPI_Status status;
    mpi_check(MPI_Recv(task.data(), static_cast<int>(task.size()), MPI_BYTE, 0, MPI_ANY_TAG, comm,
                       &status));
    if (status.MPI_TAG == tag_stop) return;
    int received = 0;
    mpi_check(MPI_Get_count(&status, MPI_BYTE, &received));
    const auto message = task.first(static_cast<std::size_t>(received));
    const std::uint64_t id = read_id(message);
    const std::uint32_t sum = payload_sum(message.subspan(header_bytes));
    spin_for(clock, work_s);
    write_result(result, id, result_checksum(id, sum));
    const int copies = !first ? 1
                       : fault == WorkerFault::lose_first_result      ? 0
                       : fault == WorkerFault::duplicate_first_result ? 2
                                                                      : 1;
    for (int copy = 0; copy < copies; ++copy) {
      mpi_check(MPI_Send(result.data(), static_cast<int>(result.size()), MPI_BYTE, 0, tag_result, comm));
    }
  }
}

}  // namespace mpibench::task
