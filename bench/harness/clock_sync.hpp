#pragma once
// Clock synchronization for starting collectives at an agreed time instead of after a
// barrier (barrier exit skew otherwise biases short collectives). Every rank's clock is
// modelled against rank 0's as offset + drift, fitted from ping-pong exchanges with rank 0
// (the approach of SKaMPI and of Hunold & Carpen-Amarie's work on MPI clock synchronization).
#include <mpi.h>

#include <span>
#include <vector>

#include "toolkit/clock.hpp"

namespace mpibench {

// One exchange, seen from rank 0: it sent at t_send (its clock), the peer read its own clock
// at t_peer on receipt and answered, and the answer arrived at t_recv.
struct ClockExchange {
  double t_send = 0;
  double t_peer = 0;
  double t_recv = 0;
};

// peer_time = root_time + offset + drift * (root_time - reference)
struct ClockModel {
  double offset_s = 0;
  double drift = 0;
  double reference_s = 0;
  double peer_time(double root_time) const;
};

// Fits a model to exchanges. Only the exchanges whose round trip is within 25% (or 50 ns)
// of the fastest are used: a slow exchange was delayed on one leg, which skews its midpoint.
// Drift is fitted only when the exchanges span at least 10 ms; otherwise it is 0.
ClockModel fit_clock_model(std::span<const ClockExchange> exchanges);

class ClockSync {
 public:
  ClockSync(MPI_Comm comm, const Clock& clock);

  // Collective: a round of exchanges between rank 0 and every other rank in turn, then a
  // refit over every exchange so far (so drift is fitted over the whole run).
  void refresh();

  // This rank's clock reading at the moment rank 0's clock reads `root_time`.
  double local_time(double root_time) const { return model_.peer_time(root_time); }

  // Rank 0 only: each rank's offset against rank 0 at `root_time` (rank 0's is 0).
  std::vector<double> offsets_at(double root_time) const;

 private:
  MPI_Comm comm_;
  Clock clock_;
  int rank_ = 0;
  int size_ = 0;
  ClockModel model_;                                // this rank's
  std::vector<std::vector<ClockExchange>> history_;  // rank 0: per peer
  std::vector<ClockModel> models_;                  // rank 0: per peer
};

}  // namespace mpibench
