#include "patterns/alltoall.hpp"

#include <fmt/format.h>

#include "bench/mpi_check.hpp"
#include "bench/payload.hpp"

namespace mpibench {

Alltoall::Alltoall(const PatternContext& context) : context_(context) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
  mpi_check(MPI_Comm_size(context_.comm, &ranks_));
}

std::size_t Alltoall::buffer_bytes(std::size_t bytes) const {
  return 2 * bytes * static_cast<std::size_t>(ranks_);
}

void Alltoall::setup(std::size_t bytes) {
  context_.buffers.release_all();
  send_ = context_.buffers.get(bytes * static_cast<std::size_t>(ranks_));
  recv_ = context_.buffers.get(bytes * static_cast<std::size_t>(ranks_));
  count_ = static_cast<int>(bytes);
}

void Alltoall::run(std::int64_t ops) {
  for (std::int64_t i = 0; i < ops; ++i) {
    mpi_check(MPI_Alltoall(send_.data(), count_, MPI_BYTE, recv_.data(), count_, MPI_BYTE,
                           context_.comm));
  }
}

std::optional<Mismatch> Alltoall::run_validated(std::uint64_t seed) {
  const auto block = static_cast<std::size_t>(count_);
  // The block from rank `from` to rank `to` has its own payload.
  const auto seed_of = [&](int from, int to) {
    return payload_seed(seed, static_cast<std::uint64_t>(from), static_cast<std::uint64_t>(to));
  };
  for (int to = 0; to < ranks_; ++to) fill_payload(send_.subspan(to * block, block), seed_of(rank_, to));
  if (rank_ == 0 && context_.options.corrupt_payload) spoil_payload(send_);
  for (int from = 0; from < ranks_; ++from) {
    poison_payload(recv_.subspan(from * block, block), seed_of(from, rank_));
  }
  run(1);
  for (int from = 0; from < ranks_; ++from) {
    if (const auto offset = first_mismatch(recv_.subspan(from * block, block), seed_of(from, rank_))) {
      return Mismatch{*offset, fmt::format("block from rank {}", from)};
    }
  }
  return std::nullopt;
}

}  // namespace mpibench
