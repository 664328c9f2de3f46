#include "bench/harness/clock_sync.hpp"

#include <algorithm>

#include "toolkit/mpi_check.hpp"
#include "toolkit/simulation.hpp"

namespace mpibench {
namespace {

constexpr int rounds_per_refresh = 20;
constexpr int tag_sync = 30;

}  // namespace

double ClockModel::peer_time(double root_time) const {
  return root_time + offset_s + drift * (root_time - reference_s);
}

ClockModel fit_clock_model(std::span<const ClockExchange> exchanges) {
  ClockModel model;
  if (exchanges.empty()) return model;
  double fastest = exchanges.front().t_recv - exchanges.front().t_send;
  for (const auto& e : exchanges) fastest = std::min(fastest, e.t_recv - e.t_send);
  const double limit = std::max(fastest * 1.25, fastest + 50e-9);
  std::vector<double> at;
  std::vector<double> offset;
  for (const auto& e : exchanges) {
    if (e.t_recv - e.t_send > limit) continue;
    const double middle = (e.t_send + e.t_recv) / 2;
    at.push_back(middle);
    offset.push_back(e.t_peer - middle);
  }
  const auto n = static_cast<double>(at.size());
  double mean_at = 0;
  double mean_offset = 0;
  for (std::size_t i = 0; i < at.size(); ++i) {
    mean_at += at[i] / n;
    mean_offset += offset[i] / n;
  }
  model.reference_s = mean_at;
  model.offset_s = mean_offset;
  const auto [first, last] = std::minmax_element(at.begin(), at.end());
  constexpr double span_for_drift_s = 10e-3;
  if (*last - *first >= span_for_drift_s) {
    double covariance = 0;
    double variance = 0;
    for (std::size_t i = 0; i < at.size(); ++i) {
      covariance += (at[i] - mean_at) * (offset[i] - mean_offset);
      variance += (at[i] - mean_at) * (at[i] - mean_at);
    }
    model.drift = variance > 0 ? covariance / variance : 0;
  }
  return model;
}

ClockSync::ClockSync(MPI_Comm comm, const Clock& clock) : comm_(comm), clock_(clock) {
  mpi_check(MPI_Comm_rank(comm_, &rank_));
  mpi_check(MPI_Comm_size(comm_, &size_));
  if (rank_ == 0) {
    history_.resize(static_cast<std::size_t>(size_));
    models_.resize(static_cast<std::size_t>(size_));
  }
}

void ClockSync::refresh() {
  // Simulated ranks read one clock, the simulator's: every offset is exactly zero.
  if constexpr (simulated) return;
  for (int peer = 1; peer < size_; ++peer) {
    for (int round = 0; round < rounds_per_refresh; ++round) {
      if (rank_ == 0) {
        ClockExchange e;
        e.t_send = clock_.now();
        mpi_check(MPI_Send(nullptr, 0, MPI_BYTE, peer, tag_sync, comm_));
        mpi_check(MPI_Recv(&e.t_peer, 1, MPI_DOUBLE, peer, tag_sync, comm_, MPI_STATUS_IGNORE));
        e.t_recv = clock_.now();
        history_[static_cast<std::size_t>(peer)].push_back(e);
      } else if (rank_ == peer) {
        mpi_check(MPI_Recv(nullptr, 0, MPI_BYTE, 0, tag_sync, comm_, MPI_STATUS_IGNORE));
        const double now = clock_.now();
        mpi_check(MPI_Send(&now, 1, MPI_DOUBLE, 0, tag_sync, comm_));
      }
    }
  }
  std::vector<double> all(rank_ == 0 ? 3 * static_cast<std::size_t>(size_) : 0);
  if (rank_ == 0) {
    for (int peer = 1; peer < size_; ++peer) {
      const auto p = static_cast<std::size_t>(peer);
      models_[p] = fit_clock_model(history_[p]);
      all[3 * p] = models_[p].offset_s;
      all[3 * p + 1] = models_[p].drift;
      all[3 * p + 2] = models_[p].reference_s;
    }
  }
  double mine[3] = {0, 0, 0};
  mpi_check(MPI_Scatter(all.data(), 3, MPI_DOUBLE, mine, 3, MPI_DOUBLE, 0, comm_));
  model_ = ClockModel{mine[0], mine[1], mine[2]};
}

std::vector<double> ClockSync::offsets_at(double root_time) const {
  std::vector<double> offsets;
  for (const ClockModel& m : models_) offsets.push_back(m.peer_time(root_time) - root_time);
  return offsets;
}

}  // namespace mpibench
