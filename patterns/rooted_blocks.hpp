#pragma once
#include "patterns/pattern.hpp"

namespace mpibench {

// What scatter and gather share: a root that holds one block of `bytes` per rank, so its
// buffers are ranks + 1 blocks and each row reports root_bytes = ranks x block.
class RootedBlocks : public Pattern {
 public:
  Timing timing() const override { return Timing::one_per_sample; }
  std::size_t buffer_bytes(std::size_t bytes) const override;
  std::size_t largest_call_bytes(std::size_t bytes) const override {
    return bytes * static_cast<std::size_t>(ranks_);
  }
  Record describe(std::size_t bytes) const override;

 protected:
  explicit RootedBlocks(const PatternContext& context);
  // Send and receive buffers: `root_blocks` on the root, one block elsewhere.
  void allocate(std::size_t bytes, bool root_sends);
  std::uint64_t seed_of(std::uint64_t seed, int rank) const;

  PatternContext context_;
  int rank_ = 0;
  int ranks_ = 0;
  int root_ = 0;
  int count_ = 0;
  std::span<std::byte> send_;
  std::span<std::byte> recv_;
};

}  // namespace mpibench
