#include "bench/harness/warnings.hpp"

#include <fmt/format.h>

namespace mpibench {

std::string warning_text(Warning warning, const Placement& placement) {
  switch (warning) {
    case Warning::oversubscribed:
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
