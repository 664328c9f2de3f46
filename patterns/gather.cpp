#include "patterns/gather.hpp"

#include <fmt/format.h>

#include "bench/mpi_check.hpp"
#include "bench/payload.hpp"

namespace mpibench {

void Gather::run(std::int64_t ops) {
  for (std::int64_t i = 0; i < ops; ++i) {
    mpi_check(MPI_Gather(send_.data(), count_, MPI_BYTE, recv_.data(), count_, MPI_BYTE, root_,
                         context_.comm));
  }
}

std::optional<Mismatch> Gather::run_validated(std::uint64_t seed) {
  const auto block = send_.size();
  fill_payload(send_, seed_of(seed, rank_));
  if (rank_ == root_) {
    if (context_.options.corrupt_payload) spoil_payload(send_);
    for (int r = 0; r < ranks_; ++r) poison_payload(recv_.subspan(r * block, block), seed_of(seed, r));
  }
  run(1);
  if (rank_ != root_) return std::nullopt;
  for (int r = 0; r < ranks_; ++r) {
    if (const auto offset = first_mismatch(recv_.subspan(r * block, block), seed_of(seed, r))) {
      return Mismatch{*offset, fmt::format("block gathered from rank {}", r)};
    }
  }
  return std::nullopt;
}

}  // namespace mpibench
