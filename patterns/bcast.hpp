#pragma once
#include "patterns/pattern.hpp"

namespace mpibench {

// MPI_Bcast of `bytes` from --root to every rank.
class Bcast final : public Pattern {
 public:
  explicit Bcast(const PatternContext& context);
  Timing timing() const override { return Timing::one_per_sample; }
  std::size_t buffer_bytes(std::size_t bytes) const override { return bytes; }
  void setup(std::size_t bytes) override;
  void run(std::int64_t ops) override;
  std::optional<Mismatch> run_validated(std::uint64_t seed) override;
  Record describe(std::size_t bytes) const override;

 private:
  PatternContext context_;
  int rank_ = 0;
  int root_ = 0;
  int count_ = 0;
  std::span<std::byte> buffer_;
};

}  // namespace mpibench
