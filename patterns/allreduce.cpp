// MPI_Allreduce of `bytes` of --type elements with --op; every rank gets (and, under
// --validate, checks) the result.
#include <array>

#include "patterns/definition.hpp"
#include "patterns/parts/reduce_collective.hpp"

namespace mpibench {
namespace {

constexpr std::array<const PatternOption*, 2> options{&op_option, &type_option};
constexpr std::array columns{op_column, type_column, elements_column};

class Allreduce final : public ReduceCollective {
 public:
  explicit Allreduce(const PatternContext& context) : ReduceCollective(context, true) {}
};

constexpr std::array examples{
    Example{"mpiexec -n 4 mpibench allreduce --sizes 8:1M --op max --type int",
            "maxima of ints"},
};

}  // namespace

constinit const PatternDefinition allreduce_pattern{
    .name = "allreduce",
    .summary = "MPI_Allreduce of SIZE bytes of --type elements with --op; every rank gets the "
               "result",
    .examples = examples,
    .options = options,
    .configuration_columns = columns,
    .make = make_pattern<Allreduce>,
};

}  // namespace mpibench
