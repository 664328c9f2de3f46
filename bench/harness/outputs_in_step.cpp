#include "bench/harness/outputs_in_step.hpp"

#include "bench/harness/rank_exchange.hpp"
#include "toolkit/errors.hpp"
#include "results/output_errors.hpp"

namespace mpibench {

// Rank 0 writes every output. Opening them is the last check before a run: if one cannot
// be opened, nothing is created or deleted.
Outputs open_outputs(const RunConfig& config, MPI_Comm world, int rank) {
  Outputs outputs;
  std::optional<std::string> problem;
  if (rank == 0) {
    try {
      outputs = Outputs::open({config.output_files, !config.quiet, {config.repeat}});
    } catch (const OutputRefused& e) {
      problem = e.what();
    }
  }
  if (auto agreed = agree_on_problem(world, problem)) throw UsageError(*agreed);
  return outputs;
}

// Runs `write` on rank 0 and makes a write failure every rank's RunError.
void write_in_step(MPI_Comm world, int rank, const std::function<void()>& write) {
  std::optional<std::string> failed;
  if (rank == 0) {
    try {
      write();
    } catch (const OutputFailed& e) {
      failed = e.what();
    }
  }
  if (auto agreed = agree_on_problem(world, failed)) throw RunError(*agreed);
}

}  // namespace mpibench
