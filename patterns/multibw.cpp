// Multi-pair bandwidth and message rate, as osu_mbw_mr: P pairs stream windows at once, each
// sender to its receiver, acknowledged per window. One operation is one window on every
// pair; aggregate bandwidth = P x window x bytes / time and the message rate P x window /
// time, with time the slowest rank's (rank_min_us and rank_avg_us show the spread). This is
// the figure that shows a NIC or a switch saturating as pairs are added.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "toolkit/mpi_check.hpp"
#include "toolkit/payload.hpp"
#include "patterns/definition.hpp"
#include "patterns/parts/window.hpp"

namespace mpibench {
namespace {

constexpr int data_tag = 5;
constexpr int ack_tag = 6;

constexpr PatternOption pairs_option{
    .flags = "--pairs",
    .kind = OptionKind::integer,
    .default_text = "0",
    .type_name = "P",
    .help = "Pairs streaming at once (default 0: as many as the launched ranks make); each "
            "rank is paired with one on another host where there is one",
    .min = 0,
};
constexpr std::array<const PatternOption*, 3> options{&pairs_option, &window_option, &receive_buffers_option};
constexpr std::array columns{Column{"pairs", "", ColumnRole::configuration, ColumnType::integer, true},
                             window_column, receive_buffers_column};
constexpr std::array results{messages_per_s_column};

// Senders first, then their receivers in the same order: pattern rank i sends to i + P.
std::variant<std::vector<int>, std::string> pair_up(const OptionValues& values,
                                                    std::span<const std::string> hosts) {
  const int launched = static_cast<int>(hosts.size());
  const auto asked = values.integer(pairs_option);
  if (asked * 2 > launched) {
    return fmt::format("--pairs {} needs {} ranks, but {} {} launched", asked, asked * 2, launched,
                       launched == 1 ? "was" : "were");
  }
  std::vector<bool> taken(hosts.size(), false);
  std::vector<int> senders, receivers;
  const auto wanted = asked > 0 ? static_cast<std::size_t>(asked) : hosts.size() / 2;
  for (std::size_t a = 0; a < hosts.size() && senders.size() < wanted; ++a) {
    if (taken[a]) continue;
    // A partner on another host first, else the next free rank.
    std::optional<std::size_t> partner;
    for (std::size_t b = a + 1; b < hosts.size() && !partner; ++b) {
      if (!taken[b] && hosts[b] != hosts[a]) partner = b;
    }
    for (std::size_t b = a + 1; b < hosts.size() && !partner; ++b) {
      if (!taken[b]) partner = b;
    }
    if (!partner) break;
    taken[a] = taken[*partner] = true;
    senders.push_back(static_cast<int>(a));
    receivers.push_back(static_cast<int>(*partner));
  }
  senders.insert(senders.end(), receivers.begin(), receivers.end());
  return senders;
}

class MultiBandwidth final : public WindowedStream {
 public:
  explicit MultiBandwidth(const PatternContext& context) : WindowedStream(context, 1), pairs_(ranks_ / 2) {}

  void run(std::int64_t ops) override {
    const MPI_Comm comm = context_.comm;
    for (std::int64_t op = 0; op < ops; ++op) {
      if (sends()) {
        post_window_sends(send_, partner(), data_tag, comm, requests_);
        mpi_check(MPI_Waitall(window_, requests_.data(), MPI_STATUSES_IGNORE));
        mpi_check(MPI_Recv(nullptr, 0, MPI_BYTE, partner(), ack_tag, comm, MPI_STATUS_IGNORE));
      } else {
        post_window_receives(recv_, bytes_, shared_, partner(), data_tag, comm, requests_);
        mpi_check(MPI_Waitall(window_, requests_.data(), MPI_STATUSES_IGNORE));
        mpi_check(MPI_Send(nullptr, 0, MPI_BYTE, partner(), ack_tag, comm));
      }
    }
  }
  std::optional<double> bandwidth_bytes(std::size_t bytes) const override {
    return static_cast<double>(bytes) * window_ * pairs_;
  }
  std::optional<double> messages_per_operation() const override {
    return static_cast<double>(window_) * pairs_;
  }
  Record configuration_cells(std::size_t bytes) const override {
    Record cells = WindowedStream::configuration_cells(bytes);
    cells.set("pairs", std::int64_t{pairs_});
    return cells;
  }

 private:
  bool sends() const { return rank_ < pairs_; }
  int partner() const { return sends() ? rank_ + pairs_ : rank_ - pairs_; }
  std::size_t send_bytes(std::size_t bytes) const override { return sends() ? bytes : 0; }
  std::size_t receive_bytes(std::size_t bytes) const override {
    return sends() ? 0 : window_receive_bytes(bytes);
  }
  std::uint64_t seed_of(std::uint64_t seed, int sender) const {
    return payload_seed(seed, static_cast<std::uint64_t>(sender), 0);
  }
  void prepare_payloads(std::uint64_t seed) override {
    if (sends()) {
      fill_payload(send_, seed_of(seed, rank_));
    } else {
      poison_slots(seed_of(seed, partner()));
    }
  }
  std::optional<Mismatch> check_received(std::uint64_t seed) const override {
    if (sends()) return std::nullopt;
    return check_slots(seed_of(seed, partner()), partner());
  }

  int pairs_;
};

constexpr std::array examples{
    Example{"mpiexec -n 4 mpibench multibw --pairs 2 --sizes 8,64K",
            "two pairs at once, and their message rate"},
};

}  // namespace

constinit const PatternDefinition multibw_pattern{
    .name = "multibw",
    .summary = "multi-pair bandwidth and message rate: P pairs stream windows at once, paired "
               "across hosts where there are several (as osu_mbw_mr)",
    .examples = examples,
    .options = options,
    .configuration_columns = columns,
    .result_columns = results,
    .make = make_pattern<MultiBandwidth>,
    .members = pair_up,
};

}  // namespace mpibench
