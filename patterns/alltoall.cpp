// MPI_Alltoall: every rank sends a distinct block of `bytes` to every rank (itself included).
#include <fmt/format.h>

#include <array>

#include "toolkit/mpi_check.hpp"
#include "toolkit/payload.hpp"
#include "patterns/definition.hpp"

namespace mpibench {
namespace {

class Alltoall final : public OperationPattern {
 public:
  using OperationPattern::OperationPattern;

  Timing timing() const override { return Timing::one_per_sample; }
  std::size_t largest_call_bytes(std::size_t bytes) const override {
    return bytes * static_cast<std::size_t>(ranks_);
  }
  void run(std::int64_t ops) override {
    for (std::int64_t i = 0; i < ops; ++i) {
      mpi_check(MPI_Alltoall(send_.data(), count_, MPI_BYTE, recv_.data(), count_, MPI_BYTE,
                             context_.comm));
    }
  }

 private:
  // send_: block i for rank i; recv_: block i from rank i.
  std::size_t send_bytes(std::size_t bytes) const override {
    return bytes * static_cast<std::size_t>(ranks_);
  }
  std::size_t receive_bytes(std::size_t bytes) const override { return send_bytes(bytes); }
  // The block from rank `from` to rank `to` has its own payload.
  static std::uint64_t seed_of(std::uint64_t seed, int from, int to) {
    return payload_seed(seed, static_cast<std::uint64_t>(from), static_cast<std::uint64_t>(to));
  }
  void prepare_payloads(std::uint64_t seed) override {
    for (int to = 0; to < ranks_; ++to) fill_payload(block(send_, bytes_, to), seed_of(seed, rank_, to));
    for (int from = 0; from < ranks_; ++from) {
      poison_payload(block(recv_, bytes_, from), seed_of(seed, from, rank_));
    }
  }
  std::optional<Mismatch> check_received(std::uint64_t seed) const override {
    for (int from = 0; from < ranks_; ++from) {
      if (const auto offset = first_mismatch(block(recv_, bytes_, from), seed_of(seed, from, rank_))) {
        return Mismatch{*offset, fmt::format("block from rank {}", from)};
      }
    }
    return std::nullopt;
  }
};

constexpr std::array examples{
    Example{"mpiexec -n 4 mpibench alltoall --sizes 8:64K -o alltoall.csv",
            "a block to every rank"},
};

}  // namespace

constinit const PatternDefinition alltoall_pattern{
    .name = "alltoall",
    .summary = "MPI_Alltoall: every rank sends a distinct SIZE-byte block to every rank",
    .examples = examples,
    .make = make_pattern<Alltoall>,
};

}  // namespace mpibench
