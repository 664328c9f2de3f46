#include "patterns/pingpong.hpp"

#include "bench/mpi_check.hpp"
#include "bench/payload.hpp"

namespace mpibench {
namespace {
constexpr int tag = 1;
}

PingPong::PingPong(const PatternContext& context) : context_(context) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
}

void PingPong::setup(std::size_t bytes) {
  context_.buffers.release_all();
  send_ = context_.buffers.get(bytes);
  recv_ = context_.buffers.get(bytes);
  count_ = static_cast<int>(bytes);
}

void PingPong::run(std::int64_t ops) {
  const MPI_Comm comm = context_.comm;
  if (rank_ == 0) {
    for (std::int64_t i = 0; i < ops; ++i) {
      mpi_check(MPI_Send(send_.data(), count_, MPI_BYTE, 1, tag, comm));
      mpi_check(MPI_Recv(recv_.data(), count_, MPI_BYTE, 1, tag, comm, MPI_STATUS_IGNORE));
    }
  } else {
    for (std::int64_t i = 0; i < ops; ++i) {
      mpi_check(MPI_Recv(recv_.data(), count_, MPI_BYTE, 0, tag, comm, MPI_STATUS_IGNORE));
      mpi_check(MPI_Send(send_.data(), count_, MPI_BYTE, 0, tag, comm));
    }
  }
}

std::optional<Mismatch> PingPong::run_validated(std::uint64_t seed) {
  const int peer = 1 - rank_;
  const std::uint64_t mine = payload_seed(seed, static_cast<std::uint64_t>(rank_), 0);
  const std::uint64_t theirs = payload_seed(seed, static_cast<std::uint64_t>(peer), 0);
  fill_payload(send_, mine);
  if (context_.options.corrupt_payload) spoil_payload(send_);
  poison_payload(recv_, theirs);
  run(1);
  if (const auto offset = first_mismatch(recv_, theirs)) {
    return Mismatch{*offset, rank_ == 0 ? "reply from rank 1" : "message from rank 0"};
  }
  return std::nullopt;
}

}  // namespace mpibench
