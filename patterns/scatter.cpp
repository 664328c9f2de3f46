#include "patterns/scatter.hpp"

#include <fmt/format.h>

#include "bench/mpi_check.hpp"
#include "bench/payload.hpp"

namespace mpibench {

Scatter::Scatter(const PatternContext& context) : context_(context), root_(context.options.root) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
  mpi_check(MPI_Comm_size(context_.comm, &ranks_));
}

std::size_t Scatter::buffer_bytes(std::size_t bytes) const {
  return rank_ == root_ ? bytes * static_cast<std::size_t>(ranks_ + 1) : bytes;
}

void Scatter::setup(std::size_t bytes) {
  context_.buffers.release_all();
  send_ = context_.buffers.get(rank_ == root_ ? bytes * static_cast<std::size_t>(ranks_) : 0);
  recv_ = context_.buffers.get(bytes);
  count_ = static_cast<int>(bytes);
}

void Scatter::run(std::int64_t ops) {
  for (std::int64_t i = 0; i < ops; ++i) {
    mpi_check(MPI_Scatter(send_.data(), count_, MPI_BYTE, recv_.data(), count_, MPI_BYTE, root_,
                          context_.comm));
  }
}

std::optional<Mismatch> Scatter::run_validated(std::uint64_t seed) {
  const auto block = recv_.size();
  if (rank_ == root_) {
    for (int r = 0; r < ranks_; ++r) {
      fill_payload(send_.subspan(r * block, block), payload_seed(seed, static_cast<std::uint64_t>(r), 0));
    }
    if (context_.options.corrupt_payload && !send_.empty()) send_[send_.size() / 2] ^= std::byte{1};
  }
  const std::uint64_t mine = payload_seed(seed, static_cast<std::uint64_t>(rank_), 0);
  poison_payload(recv_, mine);
  run(1);
  if (const auto offset = first_mismatch(recv_, mine)) {
    return Mismatch{*offset, fmt::format("block scattered from root {}", root_)};
  }
  return std::nullopt;
}

Record Scatter::describe(std::size_t bytes) const {
  Record cells;
  cells.set("root", std::int64_t{root_})
      .set("root_bytes", static_cast<std::int64_t>(bytes * static_cast<std::size_t>(ranks_)));
  return cells;
}

}  // namespace mpibench
