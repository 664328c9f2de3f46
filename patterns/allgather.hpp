#pragma once
#include "patterns/pattern.hpp"

namespace mpibench {

// MPI_Allgather: every rank contributes a block of `bytes` and receives every rank's block.
class Allgather final : public Pattern {
 public:
  explicit Allgather(const PatternContext& context);
  Timing timing() const override { return Timing::one_per_sample; }
  std::size_t buffer_bytes(std::size_t bytes) const override;
  std::size_t largest_call_bytes(std::size_t bytes) const override {
    return bytes * static_cast<std::size_t>(ranks_);
  }
  void setup(std::size_t bytes) override;
  void run(std::int64_t ops) override;
  std::optional<Mismatch> run_validated(std::uint64_t seed) override;

 private:
  PatternContext context_;
  int rank_ = 0;
  int ranks_ = 0;
  int count_ = 0;
  std::span<std::byte> send_;
  std::span<std::byte> recv_;  // ranks_ blocks
};

}  // namespace mpibench
