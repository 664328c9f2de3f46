#pragma once
#include "patterns/pattern.hpp"

namespace mpibench {

// Blocking MPI_Send/MPI_Recv round trips between ranks 0 and 1 of the communicator; reports
// one-way latency (half the round trip). Send and receive buffers are separate: one buffer
// for both halves a round trip's cost from 64 KiB up on a shared-memory node, which is an
// artefact, not what applications see.
class PingPong final : public Pattern {
 public:
  explicit PingPong(const PatternContext& context);
  std::size_t buffer_bytes(std::size_t bytes) const override { return 2 * bytes; }
  void setup(std::size_t bytes) override;
  void run(std::int64_t ops) override;
  std::optional<Mismatch> run_validated(std::uint64_t seed) override;
  double time_divisor() const override { return 2.0; }

 private:
  PatternContext context_;
  int rank_ = 0;
  int count_ = 0;
  std::span<std::byte> send_;
  std::span<std::byte> recv_;
};

}  // namespace mpibench
