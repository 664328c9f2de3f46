#include "patterns/catalog.hpp"

#include <array>

#include "patterns/allgather.hpp"
#include "patterns/allreduce.hpp"
#include "patterns/alltoall.hpp"
#include "patterns/bandwidth.hpp"
#include "patterns/bcast.hpp"
#include "patterns/gather.hpp"
#include "patterns/pingpong.hpp"
#include "patterns/reduce.hpp"
#include "patterns/scatter.hpp"
#include "patterns/taskqueue.hpp"

namespace mpibench {
namespace {

template <class P>
std::unique_ptr<Pattern> make(const PatternContext& context) {
  return std::make_unique<P>(context);
}

constexpr std::array<std::string_view, 0> no_columns{};
constexpr std::array<std::string_view, 1> window_columns{"window"};
constexpr std::array<std::string_view, 1> root_columns{"root"};
constexpr std::array<std::string_view, 2> block_columns{"root", "root_bytes"};
constexpr std::array<std::string_view, 4> reduction_columns{"root", "op", "type", "elements"};
constexpr std::array<std::string_view, 3> allreduction_columns{"op", "type", "elements"};
constexpr std::array<std::string_view, 5> task_columns{"workers", "prefetch", "work_us",
                                                       "result_bytes", "broker"};
constexpr std::array<std::string_view, 5> task_results{"tasks_sent", "tasks_done", "tasks_lost",
                                                       "tasks_per_s", "efficiency"};

const std::array catalog{
    PatternEntry{"pingpong",
                 "one-way latency of blocking send/recv round trips between two ranks "
                 "(half the round trip), and the bandwidth it implies",
                 2, 2, no_columns, no_columns, {}, make<PingPong>},
    PatternEntry{"bandwidth",
                 "streaming bandwidth: a window of non-blocking sends from rank 0 to rank 1, "
                 "acknowledged per window",
                 2, 2, window_columns, no_columns, {.window = true}, make<Bandwidth>},
    PatternEntry{"bcast", "MPI_Bcast of SIZE bytes from the root to every rank", 2, 0,
                 root_columns, no_columns, {.root = true}, make<Bcast>},
    PatternEntry{"scatter",
                 "MPI_Scatter: the root sends a SIZE-byte block to every rank (SIZE is the "
                 "per-rank block)",
                 2, 0, block_columns, no_columns, {.root = true}, make<Scatter>},
    PatternEntry{"gather",
                 "MPI_Gather: every rank sends a SIZE-byte block to the root (SIZE is the "
                 "per-rank block)",
                 2, 0, block_columns, no_columns, {.root = true}, make<Gather>},
    PatternEntry{"reduce",
                 "MPI_Reduce of SIZE bytes of --type elements with --op to the root",
                 2, 0, reduction_columns, no_columns, {.root = true, .reduction = true}, make<Reduce>},
    PatternEntry{"allreduce",
                 "MPI_Allreduce of SIZE bytes of --type elements with --op; every rank gets the "
                 "result",
                 2, 0, allreduction_columns, no_columns, {.reduction = true}, make<Allreduce>},
    PatternEntry{"allgather",
                 "MPI_Allgather: every rank contributes a SIZE-byte block and receives all of "
                 "them",
                 2, 0, no_columns, no_columns, {}, make<Allgather>},
    PatternEntry{"alltoall",
                 "MPI_Alltoall: every rank sends a distinct SIZE-byte block to every rank",
                 2, 0, no_columns, no_columns, {}, make<Alltoall>},
    PatternEntry{"taskqueue",
                 "task-queue round trip: rank 0 hands tasks to workers (or, with --broker, "
                 "forwards a client's tasks), workers return results; per-task round trip and "
                 "tasks/s",
                 2, 0, task_columns, task_results, {.tasks = true}, make<TaskQueue>,
                 TaskQueue::check},
};

}  // namespace

std::span<const PatternEntry> pattern_catalog() { return catalog; }

const PatternEntry* find_pattern(std::string_view name) {
  for (const PatternEntry& entry : catalog) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

}  // namespace mpibench
