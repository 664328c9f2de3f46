#pragma once
#include "patterns/reducing.hpp"

namespace mpibench {

// MPI_Reduce of `bytes` of --type elements with --op to --root.
class Reduce final : public Reducing {
 public:
  explicit Reduce(const PatternContext& context) : Reducing(context, false) {}
};

}  // namespace mpibench
