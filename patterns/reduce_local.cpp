// MPI_Reduce_local of `bytes` of --type elements with --op, on every rank at once: the cost
// of the reduction arithmetic alone, with no message. Its slope over the sizes is gamma, the
// per-byte reduction cost of the collective cost models (`mpibench model --predict`).
#include <array>

#include "toolkit/mpi_check.hpp"
#include "toolkit/simulation.hpp"
#include "patterns/definition.hpp"
#include "patterns/parts/reduce_collective.hpp"

namespace mpibench {
namespace {

constexpr std::array<const PatternOption*, 2> options{&op_option, &type_option};
constexpr std::array columns{op_column, type_column, elements_column};

class ReduceLocal final : public OperationPattern {
 public:
  explicit ReduceLocal(const PatternContext& context)
      : OperationPattern(context),
        op_(reduce_op_named(context.options.text(op_option))),
        type_(reduce_type_named(context.options.text(type_option))) {}

  std::optional<std::size_t> effective_bytes(std::size_t requested) const override {
    return whole_elements(requested, type_);
  }
  std::string skip_reason() const override { return "less than one element of --type"; }
  void run(std::int64_t ops) override {
    const int count = static_cast<int>(bytes_ / element_size(type_));
    for (std::int64_t i = 0; i < ops; ++i) {
      mpi_check(MPI_Reduce_local(send_.data(), recv_.data(), count, mpi_type(type_), mpi_op(op_)));
    }
  }
  Record configuration_cells(std::size_t bytes) const override {
    Record cells;
    cells.set("op", std::string(to_string(op_)))
        .set("type", std::string(to_string(type_)))
        .set("elements", static_cast<std::int64_t>(bytes / element_size(type_)));
    return cells;
  }

 private:
  std::size_t send_bytes(std::size_t bytes) const override { return bytes; }
  std::size_t receive_bytes(std::size_t bytes) const override { return bytes; }
  // One operation combines two contributions: this rank's (in) into another's (inout).
  void prepare_payloads(std::uint64_t seed) override {
    fill_contribution(send_, type_, op_, seed, 0);
    fill_contribution(recv_, type_, op_, seed, 1);
  }
  std::optional<Mismatch> check_received(std::uint64_t seed) const override {
    if (const auto offset = first_wrong_element(recv_, type_, op_, seed, 2)) return Mismatch{*offset, "local reduction"};
    return std::nullopt;
  }

  ReduceOp op_;
  ReduceType type_;
};

// SMPI does not simulate computation the way it simulates messages (it is free, or the real
// machine's time scaled), so a simulated gamma would be no platform's.
std::optional<std::string> refuse_simulation(const OptionValues&, int) {
  if (!simulated) return std::nullopt;
  return "reduce_local times local arithmetic, which SimGrid does not simulate: measure gamma on a "
         "real machine (mpibench reduce_local) and give that file to mpibench model";
}

constexpr std::array examples{
    Example{"mpiexec -n 2 mpibench reduce_local --sizes 1K:1M -o gamma.csv",
            "the arithmetic alone, for model --predict"},
};

}  // namespace

constinit const PatternDefinition reduce_local_pattern{
    .name = "reduce_local",
    .summary = "MPI_Reduce_local of SIZE bytes of --type with --op on every rank at once: the "
               "reduction's arithmetic alone (gamma, per byte, for the cost models)",
    .examples = examples,
    .options = options,
    .configuration_columns = columns,
    .make = make_pattern<ReduceLocal>,
    .check = refuse_simulation,
};

}  // namespace mpibench
