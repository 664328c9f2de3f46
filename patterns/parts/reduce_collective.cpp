#include "patterns/parts/reduce_collective.hpp"

#include "toolkit/mpi_check.hpp"

namespace mpibench {

ReduceCollective::ReduceCollective(const PatternContext& context, bool to_all)
    : OperationPattern(context), to_all_(to_all),
      root_(to_all ? 0 : static_cast<int>(context.options.integer(root_option))),
      op_(reduce_op_named(context.options.text(op_option))),
      type_(reduce_type_named(context.options.text(type_option))) {}

std::optional<std::size_t> ReduceCollective::effective_bytes(std::size_t requested) const {
  return whole_elements(requested, type_);
}

void ReduceCollective::run(std::int64_t ops) {
  const MPI_Datatype type = mpi_type(type_);
  const MPI_Op op = mpi_op(op_);
  const int count = static_cast<int>(bytes_ / element_size(type_));
  for (std::int64_t i = 0; i < ops; ++i) {
    if (to_all_) {
      mpi_check(MPI_Allreduce(send_.data(), recv_.data(), count, type, op, context_.comm));
    } else {
      mpi_check(MPI_Reduce(send_.data(), recv_.data(), count, type, op, root_, context_.comm));
    }
  }
}

void ReduceCollective::prepare_payloads(std::uint64_t seed) {
  fill_contribution(send_, type_, op_, seed, rank_);
  if (receives()) poison_result(recv_, type_);
}

void ReduceCollective::spoil_sent() { spoil_contribution(send_, type_, op_); }

std::optional<Mismatch> ReduceCollective::check_received(std::uint64_t seed) const {
  if (!receives()) return std::nullopt;
  if (const auto offset = first_wrong_element(recv_, type_, op_, seed, ranks_)) {
    return Mismatch{*offset, "reduced result"};
  }
  return std::nullopt;
}

Record ReduceCollective::configuration_cells(std::size_t bytes) const {
  Record cells;
  if (!to_all_) cells.set("root", std::int64_t{root_});
  cells.set("op", std::string(to_string(op_)))
      .set("type", std::string(to_string(type_)))
      .set("elements", static_cast<std::int64_t>(bytes / element_size(type_)));
  return cells;
}

}  // namespace mpibench
