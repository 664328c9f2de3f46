#pragma once
// The standard cost models of MPI's collective algorithms (Thakur, Rabenseifner and Gropp,
// "Optimization of collective communication operations in MPICH", 2005), written as the
// messages each algorithm sends one after another: the cost of a message comes from the
// measured point-to-point model (regime by regime, so a step's size picks its own alpha and
// beta), and reductions add gamma per byte combined. Sizes are as mpibench's rows give them:
// bcast, reduce, allreduce: the whole vector; scatter, gather, allgather, alltoall: the block
// per rank.
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace mpibench {

struct CostInputs {
  std::function<double(double bytes)> message_us;  // one message of `bytes`, one way
  double gamma_us_per_byte = 0;                      // combining one byte of a reduction
};

struct CollectiveAlgorithm {
  std::string_view pattern;  // mpibench's pattern name
  std::string_view name;     // as MPICH's MPIR_CVAR_<PATTERN>_INTRA_ALGORITHM spells it
  std::string_view smpi_name;  // the same algorithm as SimGrid's SMPI names it (smpi/<pattern>:...)
  std::string_view formula;  // the model in alpha-beta-gamma terms, for the reader
  double (*cost_us)(const CostInputs&, int ranks, double bytes);
};

// Every algorithm modelled, pattern by pattern.
std::span<const CollectiveAlgorithm> collective_algorithms();
const CollectiveAlgorithm* find_algorithm(std::string_view pattern, std::string_view name);

// Whether any algorithm of `pattern` is modelled.
bool has_cost_model(std::string_view pattern);

// The algorithm SMPI calls `smpi_name` for `pattern`, if it is one modelled here.
const CollectiveAlgorithm* find_smpi_algorithm(std::string_view pattern, std::string_view smpi_name);

// The MPICH control variable that pins `pattern`'s algorithm: MPIR_CVAR_BCAST_INTRA_ALGORITHM.
std::string algorithm_variable(std::string_view pattern);

// ceil(log2(p)): the rounds of a binomial tree or of recursive doubling.
int ceil_log2(int p);

}  // namespace mpibench
