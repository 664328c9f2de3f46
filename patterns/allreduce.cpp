#include "patterns/allreduce.hpp"

#include "bench/mpi_check.hpp"

namespace mpibench {

Allreduce::Allreduce(const PatternContext& context)
    : context_(context), op_(context.options.op), type_(context.options.type) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
  mpi_check(MPI_Comm_size(context_.comm, &ranks_));
}

std::optional<std::size_t> Allreduce::effective_bytes(std::size_t requested) const {
  return whole_elements(requested, type_);
}

void Allreduce::setup(std::size_t bytes) {
  context_.buffers.release_all();
  send_ = context_.buffers.get(bytes);
  recv_ = context_.buffers.get(bytes);
  count_ = static_cast<int>(bytes / element_size(type_));
}

void Allreduce::run(std::int64_t ops) {
  const MPI_Datatype type = mpi_type(type_);
  const MPI_Op op = mpi_op(op_);
  for (std::int64_t i = 0; i < ops; ++i) {
    mpi_check(MPI_Allreduce(send_.data(), recv_.data(), count_, type, op, context_.comm));
  }
}

std::optional<Mismatch> Allreduce::run_validated(std::uint64_t seed) {
  fill_contribution(send_, type_, op_, seed, rank_);
  if (rank_ == 0 && context_.options.corrupt_payload) spoil_contribution(send_, type_, op_);
  poison_result(recv_, type_);
  run(1);
  if (const auto offset = first_wrong_element(recv_, type_, op_, seed, ranks_)) {
    return Mismatch{*offset, "reduced result"};
  }
  return std::nullopt;
}

Record Allreduce::describe(std::size_t bytes) const {
  Record cells;
  cells.set("op", std::string(to_string(op_)))
      .set("type", std::string(to_string(type_)))
      .set("elements", static_cast<std::int64_t>(bytes / element_size(type_)));
  return cells;
}

}  // namespace mpibench
