#pragma once
#include "patterns/pattern.hpp"

namespace mpibench {

// MPI_Scatter: --root sends a block of `bytes` to every rank (itself included). `bytes` is
// the per-rank block, as in OSU and IMB; root_bytes = ranks x block.
class Scatter final : public Pattern {
 public:
  explicit Scatter(const PatternContext& context);
  Timing timing() const override { return Timing::one_per_sample; }
  std::size_t buffer_bytes(std::size_t bytes) const override;
  void setup(std::size_t bytes) override;
  void run(std::int64_t ops) override;
  std::optional<Mismatch> run_validated(std::uint64_t seed) override;
  Record describe(std::size_t bytes) const override;

 private:
  PatternContext context_;
  int rank_ = 0;
  int ranks_ = 0;
  int root_ = 0;
  int count_ = 0;
  std::span<std::byte> send_;  // root only: ranks_ blocks
  std::span<std::byte> recv_;
};

}  // namespace mpibench
