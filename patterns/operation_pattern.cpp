#include "patterns/pattern.hpp"

#include "toolkit/mpi_check.hpp"
#include "toolkit/payload.hpp"

namespace mpibench {

OperationPattern::OperationPattern(const PatternContext& context) : context_(context) {
  mpi_check(MPI_Comm_rank(context_.comm, &rank_));
  mpi_check(MPI_Comm_size(context_.comm, &ranks_));
}

void OperationPattern::setup(std::size_t bytes) {
  context_.buffers.release_all();
  bytes_ = bytes;
  count_ = static_cast<int>(bytes);
  send_ = context_.buffers.get_payload(send_bytes(bytes));
  recv_ = context_.buffers.get_payload(receive_bytes(bytes));
}

void OperationPattern::spoil_sent() { spoil_payload(send_); }

std::optional<Mismatch> OperationPattern::run_validated(std::uint64_t seed) {
  prepare_payloads(seed);
  if (context_.corrupt_payload && spoils_payload()) spoil_sent();
  run(1);
  return check_received(seed);
}

}  // namespace mpibench
