#pragma once
// What the streaming patterns (bandwidth, bibw, multibw) share: a window of messages in
// flight per operation, where each pending receive lands, and the calls that post them.
//
// Each pending receive of a window gets its own buffer by default: the MPI standard does not
// allow concurrently pending receives into overlapping memory. osu_bw and osu_bibw receive a
// whole window into one buffer; `--receive-buffers shared` does the same, as a labelled
// comparison mode. At 1-4 MiB the separate buffers (64 x 4 MiB) fall out of cache and read
// about 30% below the shared one on a shared-memory node.
#include <mpi.h>

#include <array>
#include <span>
#include <vector>

#include "patterns/pattern.hpp"
#include "patterns/pattern_option.hpp"
#include "results/schema.hpp"

namespace mpibench {

inline constexpr PatternOption window_option{
    .flags = "-W,--window",
    .kind = OptionKind::integer,
    .default_text = "64",
    .type_name = "W",
    .help = "Messages in flight per operation (one operation = a window of sends and one "
            "acknowledgement) (OSU -W)",
    .min = 1,
    .max = 4096,
};
inline constexpr PatternOption receive_buffers_option{
    .flags = "--receive-buffers",
    .kind = OptionKind::text,
    .default_text = "separate",
    .type_name = "MODE",
    .help = "separate: each pending receive of a window into its own buffer, as the MPI standard "
            "requires; shared: all into one buffer, as osu_bw and osu_bibw do (for comparison "
            "with them; faster at large sizes because one buffer stays in cache)",
    .choices = "separate shared",
};
inline constexpr Column window_column{"window", "", ColumnRole::configuration, ColumnType::integer, true};
inline constexpr Column receive_buffers_column{"receive_buffers", "", ColumnRole::configuration,
                                               ColumnType::text, false};
// Messages per second: the window's messages (every direction, every pair) over the median time.
inline constexpr Column messages_per_s_column{"messages_per_s", "1/s", ColumnRole::result, ColumnType::real, true};

// A window's receives from `from`, each into its own slot of `buffer` unless `shared`.
void post_window_receives(std::span<std::byte> buffer, std::size_t bytes, bool shared, int from,
                          int tag, MPI_Comm comm, std::span<MPI_Request> requests);
// A window of sends of `buffer` to `to`.
void post_window_sends(std::span<std::byte> buffer, int to, int tag, MPI_Comm comm,
                       std::span<MPI_Request> requests);
// The skeleton of a streaming pattern: its window, where receives land, its requests, its
// configuration cells, and the receive side of validation.
class WindowedStream : public OperationPattern {
 public:
  Record configuration_cells(std::size_t bytes) const override;
  std::optional<double> messages_per_operation() const override {
    return static_cast<double>(window_) * directions_;
  }

 protected:
  // `directions`: requests per window message (2 when each rank sends and receives).
  WindowedStream(const PatternContext& context, int directions);

  // Receive buffer bytes for a window of messages of `bytes`.
  std::size_t window_receive_bytes(std::size_t bytes) const {
    return shared_ ? bytes : bytes * static_cast<std::size_t>(window_);
  }
  // Validation of what a window from `from` left in recv_: every slot poisoned against, and
  // checked for, the payload `expected`.
  void poison_slots(std::uint64_t expected);
  std::optional<Mismatch> check_slots(std::uint64_t expected, int from) const;

  int window_;
  int directions_;
  bool shared_;
  std::vector<MPI_Request> requests_;

 private:
  int slots() const { return shared_ ? 1 : window_; }
};

}  // namespace mpibench
