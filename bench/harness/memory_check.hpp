#pragma once
#include <mpi.h>

#include <cstdint>
#include <optional>

namespace mpibench {

struct MemoryShortfall {
  std::uint64_t needed_bytes = 0;     // all ranks of the node together
  std::uint64_t available_bytes = 0;  // what the node's ranks may use
  bool limited_by_option = false;     // --memory-limit, not the node's free memory
  std::uint64_t largest_rank_bytes = 0;  // the most any one rank of the node needs
};

// MemAvailable from /proc/meminfo, or nothing when it cannot be read.
std::optional<std::uint64_t> available_memory_bytes();

// Collective over the ranks of one node: do their buffers (`my_bytes` each) fit in the
// memory the node has available, with a margin for the MPI library and the OS? Linux
// overcommits, so an allocation that cannot be backed succeeds and the run dies later;
// this check is what turns that into a clear error before anything starts.
// `limit_bytes`, when set, caps what the node's ranks may use (--memory-limit).
std::optional<MemoryShortfall> check_node_memory(MPI_Comm node_comm, std::uint64_t my_bytes,
                                                 std::optional<std::uint64_t> limit_bytes);

}  // namespace mpibench
