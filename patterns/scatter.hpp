#pragma once
#include "patterns/rooted_blocks.hpp"

namespace mpibench {

// MPI_Scatter: --root sends a block of `bytes` to every rank (itself included). `bytes` is
// the per-rank block, as in OSU and IMB.
class Scatter final : public RootedBlocks {
 public:
  explicit Scatter(const PatternContext& context) : RootedBlocks(context) {}
  void setup(std::size_t bytes) override { allocate(bytes, true); }
  void run(std::int64_t ops) override;
  std::optional<Mismatch> run_validated(std::uint64_t seed) override;
};

}  // namespace mpibench
