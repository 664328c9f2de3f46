// MPI_Bcast of `bytes` from --root to every rank.
#include <fmt/format.h>

#include <array>

#include "toolkit/mpi_check.hpp"
#include "toolkit/payload.hpp"
#include "patterns/definition.hpp"
#include "patterns/parts/root.hpp"

namespace mpibench {
namespace {

constexpr std::array<const PatternOption*, 1> options{&root_option};
constexpr std::array columns{root_column};

// One buffer, send_: the root's message and every other rank's copy of it.
class Bcast final : public OperationPattern {
 public:
  explicit Bcast(const PatternContext& context)
      : OperationPattern(context), root_(static_cast<int>(context.options.integer(root_option))) {}

  Timing timing() const override { return Timing::one_per_sample; }
  void run(std::int64_t ops) override {
    for (std::int64_t i = 0; i < ops; ++i) {
      mpi_check(MPI_Bcast(send_.data(), count_, MPI_BYTE, root_, context_.comm));
    }
  }
  Record configuration_cells(std::size_t) const override {
    Record cells;
    cells.set("root", std::int64_t{root_});
    return cells;
  }

 private:
  std::size_t send_bytes(std::size_t bytes) const override { return bytes; }
  std::size_t receive_bytes(std::size_t) const override { return 0; }
  std::uint64_t sent(std::uint64_t seed) const {
    return payload_seed(seed, static_cast<std::uint64_t>(root_), 0);
  }
  void prepare_payloads(std::uint64_t seed) override {
    if (rank_ == root_) {
      fill_payload(send_, sent(seed));
    } else {
      poison_payload(send_, sent(seed));
    }
  }
  bool spoils_payload() const override { return rank_ == root_; }
  std::optional<Mismatch> check_received(std::uint64_t seed) const override {
    if (rank_ == root_) return std::nullopt;
    if (const auto offset = first_mismatch(send_, sent(seed))) {
      return Mismatch{*offset, fmt::format("broadcast from root {}", root_)};
    }
    return std::nullopt;
  }

  int root_;
};

constexpr std::array examples{
    Example{"mpiexec -n 4 mpibench bcast --sizes 1:1M -o bcast.csv",
            "from rank 0"},
    Example{"mpiexec -n 4 mpibench bcast --root 3 --sync window",
            "from rank 3, starts on synchronized clocks"},
};

}  // namespace

constinit const PatternDefinition bcast_pattern{
    .name = "bcast",
    .summary = "MPI_Bcast of SIZE bytes from the root to every rank",
    .examples = examples,
    .options = options,
    .configuration_columns = columns,
    .make = make_pattern<Bcast>,
};

}  // namespace mpibench
