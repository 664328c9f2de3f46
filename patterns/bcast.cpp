#include "patterns/bcast.hpp"

#include <fmt/format.h>

#include "bench/mpi_check.hpp"
#include "bench/payload.hpp"

namespace mpibench {

Bcast::Bcast(const PatternContext& context) : context_(context), root_(context.options.root) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
}

void Bcast::setup(std::size_t bytes) {
  context_.buffers.release_all();
  buffer_ = context_.buffers.get(bytes);
  count_ = static_cast<int>(bytes);
}

void Bcast::run(std::int64_t ops) {
  for (std::int64_t i = 0; i < ops; ++i) {
    mpi_check(MPI_Bcast(buffer_.data(), count_, MPI_BYTE, root_, context_.comm));
  }
}

std::optional<Mismatch> Bcast::run_validated(std::uint64_t seed) {
  const std::uint64_t sent = payload_seed(seed, static_cast<std::uint64_t>(root_), 0);
  if (rank_ == root_) {
    fill_payload(buffer_, sent);
    if (context_.options.corrupt_payload) spoil_payload(buffer_);
  } else {
    poison_payload(buffer_, sent);
  }
  run(1);
  if (rank_ == root_) return std::nullopt;
  if (const auto offset = first_mismatch(buffer_, sent)) {
    return Mismatch{*offset, fmt::format("broadcast from root {}", root_)};
  }
  return std::nullopt;
}

Record Bcast::describe(std::size_t) const {
  Record cells;
  cells.set("root", std::int64_t{root_});
  return cells;
}

}  // namespace mpibench
