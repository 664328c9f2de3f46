#include "patterns/allgather.hpp"

#include <fmt/format.h>

#include "bench/mpi_check.hpp"
#include "bench/payload.hpp"

namespace mpibench {

Allgather::Allgather(const PatternContext& context) : context_(context) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
  mpi_check(MPI_Comm_size(context_.comm, &ranks_));
}

std::size_t Allgather::buffer_bytes(std::size_t bytes) const {
  return bytes * static_cast<std::size_t>(ranks_ + 1);
}

void Allgather::setup(std::size_t bytes) {
  context_.buffers.release_all();
  send_ = context_.buffers.get(bytes);
  recv_ = context_.buffers.get(bytes * static_cast<std::size_t>(ranks_));
  count_ = static_cast<int>(bytes);
}

void Allgather::run(std::int64_t ops) {
  for (std::int64_t i = 0; i < ops; ++i) {
    mpi_check(MPI_Allgather(send_.data(), count_, MPI_BYTE, recv_.data(), count_, MPI_BYTE,
                            context_.comm));
  }
}

std::optional<Mismatch> Allgather::run_validated(std::uint64_t seed) {
  const auto block = send_.size();
  const auto seed_of = [&](int r) { return payload_seed(seed, static_cast<std::uint64_t>(r), 0); };
  fill_payload(send_, seed_of(rank_));
  if (rank_ == 0 && context_.options.corrupt_payload) spoil_payload(send_);
  for (int r = 0; r < ranks_; ++r) poison_payload(recv_.subspan(r * block, block), seed_of(r));
  run(1);
  for (int r = 0; r < ranks_; ++r) {
    if (const auto offset = first_mismatch(recv_.subspan(r * block, block), seed_of(r))) {
      return Mismatch{*offset, fmt::format("block gathered from rank {}", r)};
    }
  }
  return std::nullopt;
}

}  // namespace mpibench
