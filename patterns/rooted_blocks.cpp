#include "patterns/rooted_blocks.hpp"

#include "bench/mpi_check.hpp"
#include "bench/payload.hpp"

namespace mpibench {

RootedBlocks::RootedBlocks(const PatternContext& context)
    : context_(context), root_(context.options.root) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
  mpi_check(MPI_Comm_size(context_.comm, &ranks_));
}

std::size_t RootedBlocks::buffer_bytes(std::size_t bytes) const {
  return rank_ == root_ ? bytes * static_cast<std::size_t>(ranks_ + 1) : bytes;
}

void RootedBlocks::allocate(std::size_t bytes, bool root_sends) {
  context_.buffers.release_all();
  const std::size_t all_blocks = rank_ == root_ ? bytes * static_cast<std::size_t>(ranks_) : 0;
  send_ = context_.buffers.get(root_sends ? all_blocks : bytes);
  recv_ = context_.buffers.get(root_sends ? bytes : all_blocks);
  count_ = static_cast<int>(bytes);
}

std::uint64_t RootedBlocks::seed_of(std::uint64_t seed, int rank) const {
  return payload_seed(seed, static_cast<std::uint64_t>(rank), 0);
}

Record RootedBlocks::describe(std::size_t bytes) const {
  Record cells;
  cells.set("root", std::int64_t{root_})
      .set("root_bytes", static_cast<std::int64_t>(bytes * static_cast<std::size_t>(ranks_)));
  return cells;
}

}  // namespace mpibench
