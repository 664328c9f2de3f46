// MPI_Allgather: every rank contributes a block of `bytes` and receives every rank's block.
#include <fmt/format.h>

#include <array>

#include "toolkit/mpi_check.hpp"
#include "toolkit/payload.hpp"
#include "patterns/definition.hpp"

namespace mpibench {
namespace {

class Allgather final : public OperationPattern {
 public:
  using OperationPattern::OperationPattern;

  Timing timing() const override { return Timing::one_per_sample; }
  std::size_t largest_call_bytes(std::size_t bytes) const override {
    return bytes * static_cast<std::size_t>(ranks_);
  }
  void run(std::int64_t ops) override {
    for (std::int64_t i = 0; i < ops; ++i) {
      mpi_check(MPI_Allgather(send_.data(), count_, MPI_BYTE, recv_.data(), count_, MPI_BYTE,
                              context_.comm));
    }
  }

 private:
  std::size_t send_bytes(std::size_t bytes) const override { return bytes; }
  std::size_t receive_bytes(std::size_t bytes) const override {
    return bytes * static_cast<std::size_t>(ranks_);
  }
  static std::uint64_t seed_of(std::uint64_t seed, int rank) {
    return payload_seed(seed, static_cast<std::uint64_t>(rank), 0);
  }
  void prepare_payloads(std::uint64_t seed) override {
    fill_payload(send_, seed_of(seed, rank_));
    for (int r = 0; r < ranks_; ++r) poison_payload(block(recv_, bytes_, r), seed_of(seed, r));
  }
  std::optional<Mismatch> check_received(std::uint64_t seed) const override {
    for (int r = 0; r < ranks_; ++r) {
      if (const auto offset = first_mismatch(block(recv_, bytes_, r), seed_of(seed, r))) {
        return Mismatch{*offset, fmt::format("block gathered from rank {}", r)};
      }
    }
    return std::nullopt;
  }
};

constexpr std::array examples{
    Example{"mpiexec -n 4 mpibench allgather --sizes 8:256K",
            "blocks of 8 B to 256 KiB"},
};

}  // namespace

constinit const PatternDefinition allgather_pattern{
    .name = "allgather",
    .summary = "MPI_Allgather: every rank contributes a SIZE-byte block and receives all of them",
    .examples = examples,
    .make = make_pattern<Allgather>,
};

}  // namespace mpibench
