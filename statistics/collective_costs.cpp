#include "statistics/collective_costs.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>

namespace mpibench {
namespace {

using C = const CostInputs&;

// Binomial tree: ceil(log p) rounds of the whole message.
double binomial_whole(C c, int p, double m) { return ceil_log2(p) * c.message_us(m); }
// Binomial scatter of p blocks of m: the root sends half of what it holds at each round.
double binomial_scatter(C c, int p, double m) {
  double t = 0;
  for (int k = 1; k <= ceil_log2(p); ++k) t += c.message_us(m * p / std::ldexp(1.0, k));
  return t;
}
// Recursive halving or doubling of a vector of m: rounds of m/2, m/4, ...
double halving(C c, int p, double m) {
  double t = 0;
  for (int k = 1; k <= ceil_log2(p); ++k) t += c.message_us(m / std::ldexp(1.0, k));
  return t;
}
double reduced_share(C c, int p, double m) { return c.gamma_us_per_byte * m * (p - 1) / p; }

constexpr std::array algorithms{
    CollectiveAlgorithm{"bcast", "binomial", "binomial_tree", "ceil(log p) (alpha + m beta)", binomial_whole},
    CollectiveAlgorithm{"bcast", "scatter_recursive_doubling_allgather", "scatter_rdb_allgather",
                        "2 log p alpha + 2 (p-1)/p m beta",
                        [](C c, int p, double m) { return 2 * halving(c, p, m); }},
    CollectiveAlgorithm{"bcast", "scatter_ring_allgather", "scatter_LR_allgather", "(log p + p - 1) alpha + 2 (p-1)/p m beta",
                        [](C c, int p, double m) { return halving(c, p, m) + (p - 1) * c.message_us(m / p); }},
    CollectiveAlgorithm{"scatter", "binomial", "ompi_binomial", "log p alpha + (p-1) m beta", binomial_scatter},
    CollectiveAlgorithm{"gather", "binomial", "ompi_binomial", "log p alpha + (p-1) m beta", binomial_scatter},
    CollectiveAlgorithm{"reduce", "binomial", "binomial", "ceil(log p) (alpha + m beta + m gamma)",
                        [](C c, int p, double m) { return ceil_log2(p) * (c.message_us(m) + c.gamma_us_per_byte * m); }},
    CollectiveAlgorithm{"reduce", "reduce_scatter_gather", "rab", "2 log p alpha + 2 (p-1)/p m beta + (p-1)/p m gamma",
                        [](C c, int p, double m) { return 2 * halving(c, p, m) + reduced_share(c, p, m); }},
    CollectiveAlgorithm{"allreduce", "recursive_doubling", "rdb", "log p (alpha + m beta + m gamma)",
                        [](C c, int p, double m) { return ceil_log2(p) * (c.message_us(m) + c.gamma_us_per_byte * m); }},
    CollectiveAlgorithm{"allreduce", "reduce_scatter_allgather", "rab_rdb", "2 log p alpha + 2 (p-1)/p m beta + (p-1)/p m gamma",
                        [](C c, int p, double m) { return 2 * halving(c, p, m) + reduced_share(c, p, m); }},
    CollectiveAlgorithm{"allgather", "ring", "ring", "(p-1) (alpha + m beta)",
                        [](C c, int p, double m) { return (p - 1) * c.message_us(m); }},
    CollectiveAlgorithm{"allgather", "recursive_doubling", "rdb", "log p alpha + (p-1) m beta",
                        [](C c, int p, double m) {
                          double t = 0;
                          for (int k = 0; k < ceil_log2(p); ++k) t += c.message_us(m * static_cast<double>(1 << k));
                          return t;
                        }},
    CollectiveAlgorithm{"alltoall", "pairwise", "pair", "(p-1) (alpha + m beta)",
                        [](C c, int p, double m) { return (p - 1) * c.message_us(m); }},
    CollectiveAlgorithm{"alltoall", "brucks", "bruck", "ceil(log p) (alpha + p/2 m beta)",
                        [](C c, int p, double m) { return ceil_log2(p) * c.message_us(m * p / 2); }},
};

}  // namespace

int ceil_log2(int p) {
  int rounds = 0;
  while (rounds < 31 && (std::int64_t{1} << rounds) < p) ++rounds;  // p is an int: at most 31 rounds
  return rounds;
}

std::span<const CollectiveAlgorithm> collective_algorithms() { return algorithms; }

const CollectiveAlgorithm* find_algorithm(std::string_view pattern, std::string_view name) {
  for (const CollectiveAlgorithm& a : algorithms) {
    if (a.pattern == pattern && a.name == name) return &a;
  }
  return nullptr;
}

bool has_cost_model(std::string_view pattern) {
  return std::any_of(algorithms.begin(), algorithms.end(), [&](const CollectiveAlgorithm& a) { return a.pattern == pattern; });
}

const CollectiveAlgorithm* find_smpi_algorithm(std::string_view pattern, std::string_view smpi_name) {
  for (const CollectiveAlgorithm& a : algorithms) {
    if (a.pattern == pattern && a.smpi_name == smpi_name) return &a;
  }
  return nullptr;
}

std::string algorithm_variable(std::string_view pattern) {
  std::string upper(pattern);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return std::toupper(ch); });
  return "MPIR_CVAR_" + upper + "_INTRA_ALGORITHM";
}

}  // namespace mpibench
