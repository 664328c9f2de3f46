// MPI_Reduce of `bytes` of --type elements with --op to --root.
#include <array>

#include "patterns/definition.hpp"
#include "patterns/parts/reduce_collective.hpp"

namespace mpibench {
namespace {

constexpr std::array<const PatternOption*, 3> options{&root_option, &op_option, &type_option};
constexpr std::array columns{root_column, op_column, type_column, elements_column};

class Reduce final : public ReduceCollective {
 public:
  explicit Reduce(const PatternContext& context) : ReduceCollective(context, false) {}
};

}  // namespace

constinit const PatternDefinition reduce_pattern{
    .name = "reduce",
    .summary = "MPI_Reduce of SIZE bytes of --type elements with --op to the root",
    .options = options,
    .configuration_columns = columns,
    .make = make_pattern<Reduce>,
};

}  // namespace mpibench
