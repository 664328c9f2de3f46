#include "patterns/scatter.hpp"

#include <fmt/format.h>

#include "bench/mpi_check.hpp"
#include "bench/payload.hpp"

namespace mpibench {

void Scatter::run(std::int64_t ops) {
  for (std::int64_t i = 0; i < ops; ++i) {
    mpi_check(MPI_Scatter(send_.data(), count_, MPI_BYTE, recv_.data(), count_, MPI_BYTE, root_,
                          context_.comm));
  }
}

std::optional<Mismatch> Scatter::run_validated(std::uint64_t seed) {
  const auto block = recv_.size();
  if (rank_ == root_) {
    for (int r = 0; r < ranks_; ++r) fill_payload(send_.subspan(r * block, block), seed_of(seed, r));
    if (context_.options.corrupt_payload) spoil_payload(send_);
  }
  poison_payload(recv_, seed_of(seed, rank_));
  run(1);
  if (const auto offset = first_mismatch(recv_, seed_of(seed, rank_))) {
    return Mismatch{*offset, fmt::format("block scattered from root {}", root_)};
  }
  return std::nullopt;
}

}  // namespace mpibench
