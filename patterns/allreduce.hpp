#pragma once
#include "patterns/reducing.hpp"

namespace mpibench {

// MPI_Allreduce of `bytes` of --type elements with --op; every rank gets (and, under
// --validate, checks) the result.
class Allreduce final : public Reducing {
 public:
  explicit Allreduce(const PatternContext& context) : Reducing(context, true) {}
};

}  // namespace mpibench
