#pragma once
#include "patterns/pattern.hpp"

namespace mpibench {

// What reduce and allreduce share: `bytes` of --type elements reduced with --op, sizes
// rounded down to whole elements (a size below one element is skipped). The result goes to
// --root (reduce) or to every rank (allreduce), and is checked wherever it lands.
class Reducing : public Pattern {
 public:
  Timing timing() const override { return Timing::one_per_sample; }
  std::optional<std::size_t> effective_bytes(std::size_t requested) const override;
  std::size_t buffer_bytes(std::size_t bytes) const override;
  void setup(std::size_t bytes) override;
  void run(std::int64_t ops) override;
  std::optional<Mismatch> run_validated(std::uint64_t seed) override;
  Record describe(std::size_t bytes) const override;

 protected:
  Reducing(const PatternContext& context, bool to_all);

 private:
  bool receives() const { return to_all_ || rank_ == root_; }

  PatternContext context_;
  bool to_all_;
  int rank_ = 0;
  int ranks_ = 0;
  int root_ = 0;  // allreduce: the rank that spoils its contribution under --corrupt-payload
  ReduceOp op_;
  ReduceType type_;
  int count_ = 0;  // elements
  std::span<std::byte> send_;
  std::span<std::byte> recv_;  // on the ranks that receive the result
};

}  // namespace mpibench
