#include "bench/harness/sweep.hpp"

#include <fmt/format.h>

#include "toolkit/errors.hpp"
#include "toolkit/mpi_check.hpp"
#include "bench/harness/rank_exchange.hpp"
#include "bench/harness/record_builder.hpp"
#include "bench/harness/runner.hpp"
#include "bench/harness/watchdog.hpp"
#include "results/units.hpp"

namespace mpibench {

std::optional<std::string> run_sweep(const PatternDefinition& definition, Pattern& pattern, MPI_Comm comm,
                                     std::span<const std::uint64_t> sizes,
                                     const RunConfig& config, const Clock& clock,
                                     const std::function<std::optional<std::string>(const BuiltRow&)>& emit,
                                     Progress& progress) {
  constexpr int validation_passes = 2;
  int rank = 0;
  int ranks = 0;
  mpi_check(MPI_Comm_rank(comm, &rank));
  mpi_check(MPI_Comm_size(comm, &ranks));
  const auto stop_rule = config.make_stop_rule();
  Runner runner(comm, clock, *stop_rule, WarmupRule{config.warmup_ops, config.warmup_time_s, config.warmup_max_time_s()},
                config.sync);
  for (const std::uint64_t requested : sizes) {
    if (rank == 0) progress.step(fmt::format("{} {}", definition.name, Bytes{requested}));
    const auto effective = pattern.effective_bytes(requested);
    if (!effective) {
      if (rank == 0) {
        fmt::print(stderr, "mpibench: note: {} skips {}: {}\n", definition.name, Bytes{requested},
                   pattern.skip_reason());
      }
      continue;
    }
    const std::uint64_t bytes = *effective;
    for (std::size_t variant = 0; variant < pattern.variant_count(); ++variant) {
      pattern.select_variant(variant);
      pattern.setup(bytes);
      if (config.validate) {
        if (auto problem = runner.validate(pattern, bytes, validation_passes)) {
          return fmt::format("validation failed: {} at {} bytes: {}", definition.name, bytes, *problem);
        }
      }
      std::optional<std::string> unwritten;
      try {
        const SizeSamples samples = runner.measure(pattern);
        if (rank == 0) {
          unwritten = emit(build_row(definition, pattern, ranks, bytes, samples, config.drop_outliers));
        }
      } catch (const TimeLimitReached& e) {
        return e.what();
      } catch (const RunError& e) {
        return fmt::format("{} at {} bytes: {}", definition.name, bytes, e.what());
      }
      // A row that could not be written (a full disk) or a time limit passed ends the run
      // now, not a sweep later; one small exchange per size, outside the timed samples.
      if (!unwritten && rank == 0 && time_limit_reached()) unwritten = time_limit_text();
      if (auto problem = agree_on_problem(comm, unwritten)) return problem;
    }
  }
  return std::nullopt;
}

}  // namespace mpibench
