#include "patterns/reducing.hpp"

#include "bench/mpi_check.hpp"

namespace mpibench {

Reducing::Reducing(const PatternContext& context, bool to_all)
    : context_(context), to_all_(to_all), root_(to_all ? 0 : context.options.root),
      op_(context.options.op), type_(context.options.type) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
  mpi_check(MPI_Comm_size(context_.comm, &ranks_));
}

std::optional<std::size_t> Reducing::effective_bytes(std::size_t requested) const {
  return whole_elements(requested, type_);
}

std::size_t Reducing::buffer_bytes(std::size_t bytes) const {
  return receives() ? 2 * bytes : bytes;
}

void Reducing::setup(std::size_t bytes) {
  context_.buffers.release_all();
  send_ = context_.buffers.get(bytes);
  recv_ = context_.buffers.get(receives() ? bytes : 0);
  count_ = static_cast<int>(bytes / element_size(type_));
}

void Reducing::run(std::int64_t ops) {
  const MPI_Datatype type = mpi_type(type_);
  const MPI_Op op = mpi_op(op_);
  for (std::int64_t i = 0; i < ops; ++i) {
    if (to_all_) {
      mpi_check(MPI_Allreduce(send_.data(), recv_.data(), count_, type, op, context_.comm));
    } else {
      mpi_check(MPI_Reduce(send_.data(), recv_.data(), count_, type, op, root_, context_.comm));
    }
  }
}

std::optional<Mismatch> Reducing::run_validated(std::uint64_t seed) {
  fill_contribution(send_, type_, op_, seed, rank_);
  if (rank_ == root_ && context_.options.corrupt_payload) spoil_contribution(send_, type_, op_);
  if (receives()) poison_result(recv_, type_);
  run(1);
  if (!receives()) return std::nullopt;
  if (const auto offset = first_wrong_element(recv_, type_, op_, seed, ranks_)) {
    return Mismatch{*offset, "reduced result"};
  }
  return std::nullopt;
}

Record Reducing::describe(std::size_t bytes) const {
  Record cells;
  if (!to_all_) cells.set("root", std::int64_t{root_});
  cells.set("op", std::string(to_string(op_)))
      .set("type", std::string(to_string(type_)))
      .set("elements", static_cast<std::int64_t>(bytes / element_size(type_)));
  return cells;
}

}  // namespace mpibench
