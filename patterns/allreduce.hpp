#pragma once
#include "patterns/pattern.hpp"

namespace mpibench {

// MPI_Allreduce of `bytes` of --type elements with --op; every rank gets the result. Sizes
// are rounded down to whole elements; a size below one element is skipped.
class Allreduce final : public Pattern {
 public:
  explicit Allreduce(const PatternContext& context);
  Timing timing() const override { return Timing::one_per_sample; }
  std::optional<std::size_t> effective_bytes(std::size_t requested) const override;
  std::size_t buffer_bytes(std::size_t bytes) const override { return 2 * bytes; }
  void setup(std::size_t bytes) override;
  void run(std::int64_t ops) override;
  std::optional<Mismatch> run_validated(std::uint64_t seed) override;
  Record describe(std::size_t bytes) const override;

 private:
  PatternContext context_;
  int rank_ = 0;
  int ranks_ = 0;
  ReduceOp op_;
  ReduceType type_;
  int count_ = 0;  // elements
  std::span<std::byte> send_;
  std::span<std::byte> recv_;
};

}  // namespace mpibench
