// Blocking MPI_Send/MPI_Recv round trips between ranks 0 and 1 of the communicator; reports
// one-way latency (half the round trip). Send and receive buffers are separate: one buffer
// for both halves a round trip's cost from 64 KiB up on a shared-memory node, which is an
// artefact, not what applications see.
#include <array>

#include "toolkit/mpi_check.hpp"
#include "toolkit/payload.hpp"
#include "patterns/definition.hpp"
#include "patterns/parts/pair.hpp"

namespace mpibench {
namespace {

constexpr int tag = 1;
constexpr std::array<const PatternOption*, 1> options{&pair_option};

class PingPong final : public OperationPattern {
 public:
  using OperationPattern::OperationPattern;

  void run(std::int64_t ops) override {
    const MPI_Comm comm = context_.comm;
    if (rank_ == 0) {
      for (std::int64_t i = 0; i < ops; ++i) {
        mpi_check(MPI_Send(send_.data(), count_, MPI_BYTE, 1, tag, comm));
        mpi_check(MPI_Recv(recv_.data(), count_, MPI_BYTE, 1, tag, comm, MPI_STATUS_IGNORE));
      }
    } else {
      for (std::int64_t i = 0; i < ops; ++i) {
        mpi_check(MPI_Recv(recv_.data(), count_, MPI_BYTE, 0, tag, comm, MPI_STATUS_IGNORE));
        mpi_check(MPI_Send(send_.data(), count_, MPI_BYTE, 0, tag, comm));
      }
    }
  }
  double time_divisor() const override { return 2.0; }

 private:
  std::size_t send_bytes(std::size_t bytes) const override { return bytes; }
  std::size_t receive_bytes(std::size_t bytes) const override { return bytes; }
  std::uint64_t seed_of(std::uint64_t seed, int rank) const {
    return payload_seed(seed, static_cast<std::uint64_t>(rank), 0);
  }
  void prepare_payloads(std::uint64_t seed) override {
    fill_payload(send_, seed_of(seed, rank_));
    poison_payload(recv_, seed_of(seed, 1 - rank_));
  }
  bool spoils_payload() const override { return true; }  // both directions
  std::optional<Mismatch> check_received(std::uint64_t seed) const override {
    if (const auto offset = first_mismatch(recv_, seed_of(seed, 1 - rank_))) {
      return Mismatch{*offset, rank_ == 0 ? "reply from rank 1" : "message from rank 0"};
    }
    return std::nullopt;
  }
};

constexpr std::array examples{
    Example{"mpiexec -n 2 mpibench pingpong",
            "0 B to 4 MiB, a table on stdout"},
    Example{"mpiexec -n 2 mpibench pingpong --sizes 1:64K -o pingpong.csv",
            "1 B to 64 KiB, as CSV"},
    Example{"mpiexec -n 16 mpibench pingpong --pair inter",
            "the first two ranks on different hosts"},
    Example{"mpibench-plot pingpong.csv -o pingpong.png",
            "latency and bandwidth against size"},
};

}  // namespace

constinit const PatternDefinition pingpong_pattern{
    .name = "pingpong",
    .summary = "one-way latency of blocking send/recv round trips between two ranks (half the "
               "round trip), and the bandwidth it implies",
    .examples = examples,
    .fixed_ranks = 2,
    .options = options,
    .make = make_pattern<PingPong>,
    .members = pair_members,
};

}  // namespace mpibench
