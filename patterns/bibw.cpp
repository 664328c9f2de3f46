// Bidirectional bandwidth, as osu_bibw: both ranks post a window of receives from the other,
// then a window of sends to it, and wait for all of them. One operation is one window each
// way; bandwidth = 2 x window x bytes / time.
#include <array>

#include "toolkit/mpi_check.hpp"
#include "toolkit/payload.hpp"
#include "patterns/definition.hpp"
#include "patterns/parts/pair.hpp"
#include "patterns/parts/window.hpp"

namespace mpibench {
namespace {

constexpr int data_tag = 4;

constexpr std::array<const PatternOption*, 3> options{&window_option, &receive_buffers_option, &pair_option};
constexpr std::array columns{window_column, receive_buffers_column};
constexpr std::array results{messages_per_s_column};

class Bibw final : public WindowedStream {
 public:
  explicit Bibw(const PatternContext& context) : WindowedStream(context, 2) {}

  void run(std::int64_t ops) override {
    const int peer = 1 - rank_;
    const auto receives = std::span(requests_).first(static_cast<std::size_t>(window_));
    const auto sends = std::span(requests_).last(static_cast<std::size_t>(window_));
    for (std::int64_t op = 0; op < ops; ++op) {
      post_window_receives(recv_, bytes_, shared_, peer, data_tag, context_.comm, receives);
      post_window_sends(send_, peer, data_tag, context_.comm, sends);
      mpi_check(MPI_Waitall(2 * window_, requests_.data(), MPI_STATUSES_IGNORE));
    }
  }
  std::optional<double> bandwidth_bytes(std::size_t bytes) const override {
    return 2.0 * static_cast<double>(bytes) * window_;
  }

 private:
  std::size_t send_bytes(std::size_t bytes) const override { return bytes; }
  std::size_t receive_bytes(std::size_t bytes) const override { return window_receive_bytes(bytes); }
  static std::uint64_t seed_of(std::uint64_t seed, int rank) {
    return payload_seed(seed, static_cast<std::uint64_t>(rank), 0);
  }
  void prepare_payloads(std::uint64_t seed) override {
    fill_payload(send_, seed_of(seed, rank_));
    poison_slots(seed_of(seed, 1 - rank_));
  }
  std::optional<Mismatch> check_received(std::uint64_t seed) const override {
    return check_slots(seed_of(seed, 1 - rank_), 1 - rank_);
  }
};

constexpr std::array examples{
    Example{"mpiexec -n 2 mpibench bibw --sizes 1K:4M -o bibw.csv",
            "both directions at once"},
};

}  // namespace

constinit const PatternDefinition bibw_pattern{
    .name = "bibw",
    .summary = "bidirectional bandwidth: both ranks stream a window of non-blocking sends to each "
               "other at once (as osu_bibw)",
    .examples = examples,
    .fixed_ranks = 2,
    .options = options,
    .configuration_columns = columns,
    .result_columns = results,
    .make = make_pattern<Bibw>,
    .members = pair_members,
};

}  // namespace mpibench
