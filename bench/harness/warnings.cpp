#include "bench/harness/warnings.hpp"

#include <fmt/format.h>

namespace mpibench {

std::string warning_text(Warning warning, const Placement& placement) {
  switch (warning) {
    case Warning::oversubscribed:
      if (placement.machines < placement.nodes &&
          placement.ranks_on_busiest_machine > placement.usable_cores_on_that_machine) {
        return fmt::format(
            "{} ranks on {} hosts share one machine's {} usable cores (the hosts are namespaces "
            "or containers of one machine): ranks that busy-poll wait for the scheduler, so "
            "these times check correctness, not speed. Measure one pair at a time (the other "
            "ranks then wait without spinning), or use real hosts.",
            placement.ranks_on_busiest_machine, placement.nodes, placement.usable_cores_on_that_machine);
      }
      return fmt::format(
          "{} ranks share {} usable cores on a node: ranks are oversubscribed, and MPI "
          "libraries that busy-poll (MPICH does) make every operation wait for the scheduler; "
          "these times check correctness, not speed. Run at most {} ranks per node for "
          "figures.",
          placement.max_ranks_per_node, placement.usable_cores_on_my_node,
          placement.usable_cores_on_my_node);
  }
  return "unknown warning";
}

}  // namespace mpibench
