#pragma once
#include "patterns/rooted_blocks.hpp"

namespace mpibench {

// MPI_Gather: every rank sends a block of `bytes` to --root. `bytes` is the per-rank block,
// as in OSU and IMB.
class Gather final : public RootedBlocks {
 public:
  explicit Gather(const PatternContext& context) : RootedBlocks(context) {}
  void setup(std::size_t bytes) override { allocate(bytes, false); }
  void run(std::int64_t ops) override;
  std::optional<Mismatch> run_validated(std::uint64_t seed) override;
};

}  // namespace mpibench
