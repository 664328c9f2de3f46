#pragma once
// What scatter and gather share: a root that holds one block of `bytes` per rank, so its
// buffers are ranks + 1 blocks and each row reports root_bytes = ranks x block.
#include <array>

#include "toolkit/payload.hpp"
#include "patterns/parts/root.hpp"
#include "patterns/pattern.hpp"

namespace mpibench {

inline constexpr std::array<const PatternOption*, 1> rooted_blocks_options{&root_option};
inline constexpr std::array rooted_blocks_columns{
    root_column, Column{"root_bytes", "B", ColumnRole::size, ColumnType::integer, true}};

class RootedBlocks : public OperationPattern {
 public:
  Timing timing() const override { return Timing::one_per_sample; }
  std::size_t largest_call_bytes(std::size_t bytes) const override {
    return bytes * static_cast<std::size_t>(ranks_);
  }
  Record configuration_cells(std::size_t bytes) const override {
    Record cells;
    cells.set("root", std::int64_t{root_})
        .set("root_bytes", static_cast<std::int64_t>(bytes * static_cast<std::size_t>(ranks_)));
    return cells;
  }

 protected:
  // `root_sends`: scatter (the root's blocks are sent) rather than gather (received).
  RootedBlocks(const PatternContext& context, bool root_sends)
      : OperationPattern(context), root_(static_cast<int>(context.options.integer(root_option))),
        root_sends_(root_sends) {}

  std::size_t send_bytes(std::size_t bytes) const override {
    return root_sends_ ? root_blocks(bytes) : bytes;
  }
  std::size_t receive_bytes(std::size_t bytes) const override {
    return root_sends_ ? bytes : root_blocks(bytes);
  }
  bool spoils_payload() const override { return rank_ == root_; }
  std::uint64_t seed_of(std::uint64_t seed, int rank) const {
    return payload_seed(seed, static_cast<std::uint64_t>(rank), 0);
  }

  int root_;

 private:
  std::size_t root_blocks(std::size_t bytes) const {
    return rank_ == root_ ? bytes * static_cast<std::size_t>(ranks_) : 0;
  }
  bool root_sends_;
};

}  // namespace mpibench
