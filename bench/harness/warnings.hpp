#pragma once
#include <string>

#include "bench/harness/placement.hpp"

namespace mpibench {

// Conditions that make results less trustworthy. Each is printed once per run, with what
// to do about it, and recorded in the metadata.
enum class Warning { oversubscribed };

std::string warning_text(Warning warning, const Placement& placement);

}  // namespace mpibench
