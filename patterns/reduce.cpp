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

constexpr std::array examples{
    Example{"mpiexec -n 4 mpibench reduce --sizes 8:1M --op sum --type double --validate",
            "sums of doubles, checked"},
};

}  // namespace

constinit const PatternDefinition reduce_pattern{
    .name = "reduce",
    .summary = "MPI_Reduce of SIZE bytes of --type elements with --op to the root",
    .examples = examples,
    .options = options,
    .configuration_columns = columns,
    .make = make_pattern<Reduce>,
};

}  // namespace mpibench
