// Streaming bandwidth: rank 0 posts a window of non-blocking sends to rank 1, which
// answers each window with a 0-byte acknowledgement (as OSU's osu_bw does). One operation
// is one window; bandwidth = window x bytes / time. Where the receives land: see
// patterns/parts/window.hpp.
#include <array>

#include "toolkit/mpi_check.hpp"
#include "toolkit/payload.hpp"
#include "patterns/definition.hpp"
#include "patterns/parts/pair.hpp"
#include "patterns/parts/window.hpp"

namespace mpibench {
namespace {

constexpr int data_tag = 2;
constexpr int ack_tag = 3;

constexpr std::array<const PatternOption*, 3> options{&window_option, &receive_buffers_option, &pair_option};
constexpr std::array columns{window_column, receive_buffers_column};
constexpr std::array results{messages_per_s_column};

class Bandwidth final : public WindowedStream {
 public:
  explicit Bandwidth(const PatternContext& context) : WindowedStream(context, 1) {}

  void run(std::int64_t ops) override {
    const MPI_Comm comm = context_.comm;
    for (std::int64_t op = 0; op < ops; ++op) {
      if (rank_ == 0) {
        post_window_sends(send_, 1, data_tag, comm, requests_);
        mpi_check(MPI_Waitall(window_, requests_.data(), MPI_STATUSES_IGNORE));
        mpi_check(MPI_Recv(nullptr, 0, MPI_BYTE, 1, ack_tag, comm, MPI_STATUS_IGNORE));
      } else {
        post_window_receives(recv_, bytes_, shared_, 0, data_tag, comm, requests_);
        mpi_check(MPI_Waitall(window_, requests_.data(), MPI_STATUSES_IGNORE));
        mpi_check(MPI_Send(nullptr, 0, MPI_BYTE, 0, ack_tag, comm));
      }
    }
  }
  std::optional<double> bandwidth_bytes(std::size_t bytes) const override {
    return static_cast<double>(bytes) * window_;
  }

 private:
  std::size_t send_bytes(std::size_t bytes) const override { return rank_ == 0 ? bytes : 0; }
  std::size_t receive_bytes(std::size_t bytes) const override {
    return rank_ == 0 ? 0 : window_receive_bytes(bytes);
  }
  void prepare_payloads(std::uint64_t seed) override {
    if (rank_ == 0) {
      fill_payload(send_, payload_seed(seed, 0, 0));
    } else {
      poison_slots(payload_seed(seed, 0, 0));
    }
  }
  std::optional<Mismatch> check_received(std::uint64_t seed) const override {
    if (rank_ == 0) return std::nullopt;
    return check_slots(payload_seed(seed, 0, 0), 0);
  }
};

constexpr std::array examples{
    Example{"mpiexec -n 2 mpibench bandwidth --sizes 4K,64K,1M --window 32",
            "32 messages in flight"},
    Example{"mpiexec -n 2 mpibench bandwidth --receive-buffers shared",
            "as osu_bw receives"},
};

}  // namespace

constinit const PatternDefinition bandwidth_pattern{
    .name = "bandwidth",
    .summary = "streaming bandwidth: a window of non-blocking sends from rank 0 to rank 1, "
               "acknowledged per window",
    .examples = examples,
    .fixed_ranks = 2,
    .options = options,
    .configuration_columns = columns,
    .result_columns = results,
    .make = make_pattern<Bandwidth>,
    .members = pair_members,
};

}  // namespace mpibench
