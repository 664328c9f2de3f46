#pragma once
#include <vector>

#include "patterns/pattern.hpp"

namespace mpibench {

// Streaming bandwidth: rank 0 posts a window of non-blocking sends to rank 1, which
// answers each window with a 0-byte acknowledgement (as OSU's osu_bw does). One operation
// is one window; bandwidth = window x bytes / time. Each message in a window lands in its
// own receive buffer: the MPI standard forbids pending receives into overlapping memory.
class Bandwidth final : public Pattern {
 public:
  explicit Bandwidth(const PatternContext& context);
  std::size_t buffer_bytes(std::size_t bytes) const override;
  void setup(std::size_t bytes) override;
  void run(std::int64_t ops) override;
  std::optional<Mismatch> run_validated(std::uint64_t seed) override;
  std::optional<double> bandwidth_bytes(std::size_t bytes) const override;
  Record describe(std::size_t bytes) const override;

 private:
  PatternContext context_;
  int rank_ = 0;
  int window_ = 0;
  int count_ = 0;
  std::span<std::byte> send_;
  std::span<std::byte> recv_;  // window_ slots of count_ bytes
  std::vector<MPI_Request> requests_;
};

}  // namespace mpibench
