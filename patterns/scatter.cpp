// MPI_Scatter: --root sends a block of `bytes` to every rank (itself included). `bytes` is
// the per-rank block, as in OSU and IMB.
#include <fmt/format.h>

#include <array>

#include "toolkit/mpi_check.hpp"
#include "patterns/definition.hpp"
#include "patterns/parts/rooted_blocks.hpp"

namespace mpibench {
namespace {

class Scatter final : public RootedBlocks {
 public:
  explicit Scatter(const PatternContext& context) : RootedBlocks(context, true) {}

  void run(std::int64_t ops) override {
    for (std::int64_t i = 0; i < ops; ++i) {
      mpi_check(MPI_Scatter(send_.data(), count_, MPI_BYTE, recv_.data(), count_, MPI_BYTE, root_,
                            context_.comm));
    }
  }

 private:
  void prepare_payloads(std::uint64_t seed) override {
    if (rank_ == root_) {
      for (int r = 0; r < ranks_; ++r) fill_payload(block(send_, bytes_, r), seed_of(seed, r));
    }
    poison_payload(recv_, seed_of(seed, rank_));
  }
  std::optional<Mismatch> check_received(std::uint64_t seed) const override {
    if (const auto offset = first_mismatch(recv_, seed_of(seed, rank_))) {
      return Mismatch{*offset, fmt::format("block scattered from root {}", root_)};
    }
    return std::nullopt;
  }
};

constexpr std::array examples{
    Example{"mpiexec -n 3 mpibench scatter --sizes 8,4K,256K --root 2",
            "blocks of 8 B to 256 KiB from rank 2"},
};

}  // namespace

constinit const PatternDefinition scatter_pattern{
    .name = "scatter",
    .summary = "MPI_Scatter: the root sends a SIZE-byte block to every rank (SIZE is the "
               "per-rank block)",
    .examples = examples,
    .options = rooted_blocks_options,
    .configuration_columns = rooted_blocks_columns,
    .make = make_pattern<Scatter>,
};

}  // namespace mpibench
