// MPI_Barrier latency, as OSU's osu_barrier and IMB's Barrier report it: barriers back to
// back, timed as a batch and divided by their count. A barrier moves no message, so it is
// measured once per sweep, as 0 bytes, and has no payload for --validate to check.
#include <array>

#include "toolkit/mpi_check.hpp"
#include "patterns/definition.hpp"

namespace mpibench {
namespace {

class Barrier final : public OperationPattern {
 public:
  using OperationPattern::OperationPattern;

  void run(std::int64_t ops) override {
    for (std::int64_t i = 0; i < ops; ++i) mpi_check(MPI_Barrier(context_.comm));
  }
  std::optional<double> bandwidth_bytes(std::size_t) const override { return std::nullopt; }

 private:
  std::size_t send_bytes(std::size_t) const override { return 0; }
  std::size_t receive_bytes(std::size_t) const override { return 0; }
  void prepare_payloads(std::uint64_t) override {}
  void spoil_sent() override {}
  std::optional<Mismatch> check_received(std::uint64_t) const override { return std::nullopt; }
};

constexpr std::array examples{
    Example{"mpiexec -n 4 mpibench barrier -o barrier.csv",
            "one row: the barrier's latency"},
};

}  // namespace

constinit const PatternDefinition barrier_pattern{
    .name = "barrier",
    .summary = "MPI_Barrier latency: barriers back to back over every rank (no message; one "
               "row per sweep)",
    .examples = examples,
    .sizes = "0",
    .sizeless = true,
    .make = make_pattern<Barrier>,
};

}  // namespace mpibench
