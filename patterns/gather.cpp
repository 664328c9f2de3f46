// MPI_Gather: every rank sends a block of `bytes` to --root. `bytes` is the per-rank block,
// as in OSU and IMB.
#include <fmt/format.h>

#include <array>

#include "toolkit/mpi_check.hpp"
#include "patterns/definition.hpp"
#include "patterns/parts/rooted_blocks.hpp"

namespace mpibench {
namespace {

class Gather final : public RootedBlocks {
 public:
  explicit Gather(const PatternContext& context) : RootedBlocks(context, false) {}

  void run(std::int64_t ops) override {
    for (std::int64_t i = 0; i < ops; ++i) {
      mpi_check(MPI_Gather(send_.data(), count_, MPI_BYTE, recv_.data(), count_, MPI_BYTE, root_,
                           context_.comm));
    }
  }

 private:
  void prepare_payloads(std::uint64_t seed) override {
    fill_payload(send_, seed_of(seed, rank_));
    if (rank_ != root_) return;
    for (int r = 0; r < ranks_; ++r) poison_payload(block(recv_, bytes_, r), seed_of(seed, r));
  }
  std::optional<Mismatch> check_received(std::uint64_t seed) const override {
    if (rank_ != root_) return std::nullopt;
    for (int r = 0; r < ranks_; ++r) {
      if (const auto offset = first_mismatch(block(recv_, bytes_, r), seed_of(seed, r))) {
        return Mismatch{*offset, fmt::format("block gathered from rank {}", r)};
      }
    }
    return std::nullopt;
  }
};

constexpr std::array examples{
    Example{"mpiexec -n 4 mpibench gather --sizes 8:64K -o gather.csv",
            "blocks of 8 B to 64 KiB to rank 0"},
};

}  // namespace

constinit const PatternDefinition gather_pattern{
    .name = "gather",
    .summary = "MPI_Gather: every rank sends a SIZE-byte block to the root (SIZE is the "
               "per-rank block)",
    .examples = examples,
    .options = rooted_blocks_options,
    .configuration_columns = rooted_blocks_columns,
    .make = make_pattern<Gather>,
};

}  // namespace mpibench
