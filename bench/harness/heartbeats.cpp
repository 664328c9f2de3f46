#include "bench/harness/heartbeats.hpp"

#include <cstdint>

#include "bench/harness/rank_exchange.hpp"
#include "bench/harness/watchdog.hpp"
#include "toolkit/mpi_check.hpp"

namespace mpibench {
namespace {

constexpr int tag = 1;
constexpr double interval_s = 1.0;

MPI_Comm heart = MPI_COMM_NULL;  // MPI_COMM_NULL: no heartbeats in this run
int world_rank = 0;
double last_beat = 0;
std::uint64_t sent = 0;
std::uint64_t received = 0;

void receive_arrived() {
  for (;;) {
    int arrived = 0;
    mpi_check(MPI_Iprobe(MPI_ANY_SOURCE, tag, heart, &arrived, MPI_STATUS_IGNORE));
    if (!arrived) return;
    mpi_check(MPI_Recv(nullptr, 0, MPI_BYTE, MPI_ANY_SOURCE, tag, heart, MPI_STATUS_IGNORE));
    ++received;
    mark_progress();
  }
}

}  // namespace

void start_heartbeats(MPI_Comm world, const RunLimit& limit) {
  if (limit.kind != RunLimit::Kind::no_progress) return;
  mpi_check(MPI_Comm_dup(world, &heart));
  mpi_check(MPI_Comm_rank(heart, &world_rank));
  last_beat = MPI_Wtime();
}

void step_done(bool leader) {
  mark_progress();
  if (!leader || heart == MPI_COMM_NULL || world_rank == 0) return;
  const double now = MPI_Wtime();
  if (now - last_beat < interval_s) return;
  last_beat = now;
  MPI_Request request = MPI_REQUEST_NULL;
  mpi_check(MPI_Isend(nullptr, 0, MPI_BYTE, 0, tag, heart, &request));
  mpi_check(MPI_Request_free(&request));
  ++sent;
}

void wait_for_stage_end(MPI_Comm world) {
  if (heart == MPI_COMM_NULL) {
    quiet_barrier(world);
    return;
  }
  if (world_rank == 0) {
    quiet_barrier(world, receive_arrived);
  } else {
    waiting_for_others(true);
    quiet_barrier(world);
    waiting_for_others(false);
  }
  mark_progress();
}

void finish_heartbeats() {
  if (heart == MPI_COMM_NULL) return;
  std::uint64_t total = 0;
  mpi_check(MPI_Reduce(&sent, &total, 1, MPI_UINT64_T, MPI_SUM, 0, heart));
  for (; world_rank == 0 && received < total; ++received) {
    mpi_check(MPI_Recv(nullptr, 0, MPI_BYTE, MPI_ANY_SOURCE, tag, heart, MPI_STATUS_IGNORE));
  }
  mpi_check(MPI_Comm_free(&heart));
  heart = MPI_COMM_NULL;
}

}  // namespace mpibench
