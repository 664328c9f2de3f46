#include "patterns/bandwidth.hpp"

#include "bench/mpi_check.hpp"
#include "bench/payload.hpp"

#include <fmt/format.h>

namespace mpibench {
namespace {
constexpr int data_tag = 2;
constexpr int ack_tag = 3;
}  // namespace

Bandwidth::Bandwidth(const PatternContext& context)
    : context_(context), window_(context.options.window) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
  requests_.resize(static_cast<std::size_t>(window_));
}

std::size_t Bandwidth::buffer_bytes(std::size_t bytes) const {
  return rank_ == 0 ? bytes : bytes * static_cast<std::size_t>(window_);
}

void Bandwidth::setup(std::size_t bytes) {
  context_.buffers.release_all();
  count_ = static_cast<int>(bytes);
  send_ = context_.buffers.get(rank_ == 0 ? bytes : 0);
  recv_ = context_.buffers.get(rank_ == 0 ? 0 : bytes * static_cast<std::size_t>(window_));
}

void Bandwidth::run(std::int64_t ops) {
  const MPI_Comm comm = context_.comm;
  const auto slot = static_cast<std::size_t>(count_);
  for (std::int64_t op = 0; op < ops; ++op) {
    if (rank_ == 0) {
      for (int w = 0; w < window_; ++w) {
        mpi_check(MPI_Isend(send_.data(), count_, MPI_BYTE, 1, data_tag, comm, &requests_[w]));
      }
      mpi_check(MPI_Waitall(window_, requests_.data(), MPI_STATUSES_IGNORE));
      mpi_check(MPI_Recv(nullptr, 0, MPI_BYTE, 1, ack_tag, comm, MPI_STATUS_IGNORE));
    } else {
      for (int w = 0; w < window_; ++w) {
        mpi_check(MPI_Irecv(recv_.data() + w * slot, count_, MPI_BYTE, 0, data_tag, comm,
                            &requests_[w]));
      }
      mpi_check(MPI_Waitall(window_, requests_.data(), MPI_STATUSES_IGNORE));
      mpi_check(MPI_Send(nullptr, 0, MPI_BYTE, 0, ack_tag, comm));
    }
  }
}

std::optional<Mismatch> Bandwidth::run_validated(std::uint64_t seed) {
  const std::uint64_t sent = payload_seed(seed, 0, 0);
  const auto slot = static_cast<std::size_t>(count_);
  if (rank_ == 0) {
    fill_payload(send_, sent);
    if (context_.options.corrupt_payload) spoil_payload(send_);
  } else {
    for (int w = 0; w < window_; ++w) poison_payload(recv_.subspan(w * slot, slot), sent);
  }
  run(1);
  if (rank_ == 0) return std::nullopt;
  for (int w = 0; w < window_; ++w) {
    if (const auto offset = first_mismatch(recv_.subspan(w * slot, slot), sent)) {
      return Mismatch{*offset, fmt::format("message {} of the window from rank 0", w)};
    }
  }
  return std::nullopt;
}

std::optional<double> Bandwidth::bandwidth_bytes(std::size_t bytes) const {
  return static_cast<double>(bytes) * window_;
}

Record Bandwidth::describe(std::size_t) const {
  Record cells;
  cells.set("window", static_cast<std::int64_t>(window_));
  return cells;
}

}  // namespace mpibench
