#pragma once
// Hockney's model of a message's cost, T(m) = alpha + beta * m, fitted piecewise: MPI
// libraries switch protocols with the size (eager, rendezvous, ...), and each regime has its
// own alpha and beta. The breakpoints are found from the data: every way of cutting the
// sizes into at most `max_segments` runs of at least `min_points` sizes is fitted, and the
// Bayesian information criterion picks the cut (more segments must earn their parameters).
//
// Fits are weighted least squares on relative error (weights 1/T^2): the times span three or
// more decades, and an unweighted fit would describe only the largest sizes.
#include <cstddef>
#include <span>
#include <vector>

namespace mpibench {

struct SizeTime {
  double bytes;
  double time_us;
};

struct Segment {
  double first_bytes = 0;  // the sizes fitted by this segment, inclusive
  double last_bytes = 0;
  std::size_t points = 0;
  double alpha_us = 0;     // the intercept: the cost of a message of no bytes
  double beta_us_per_byte = 0;
  double alpha_se = 0;     // standard errors from the weighted fit
  double beta_se = 0;

  double bandwidth_mb_s() const { return beta_us_per_byte > 0 ? 1 / beta_us_per_byte : 0; }  // 10^6 B/s
  // Hockney's half-performance length: the size at which half of 1/beta is reached.
  double n_half_bytes() const { return beta_us_per_byte > 0 ? alpha_us / beta_us_per_byte : 0; }
  double predict_us(double bytes) const { return alpha_us + beta_us_per_byte * bytes; }
};

struct HockneyFit {
  std::vector<Segment> segments;  // in size order
  double bic = 0;
  double rms_relative_residual = 0;
  double max_relative_residual = 0;  // |T - model| / T, the largest over the points
  double worst_bytes = 0;            // where it is

  // The segment whose sizes hold `bytes` (the nearest one between or beyond them).
  const Segment& segment_for(double bytes) const;
  double predict_us(double bytes) const { return segment_for(bytes).predict_us(bytes); }
};

struct HockneyFitOptions {
  std::size_t max_segments = 4;
  std::size_t min_points = 3;
};

// `points` sorted by size, sizes distinct, at least options.min_points of them.
HockneyFit fit_hockney(std::span<const SizeTime> points, const HockneyFitOptions& options = {});

// The same breakpoints fitted to other data (another launch), for launch-to-launch spread:
// `cuts` are the first sizes of the second and later segments.
HockneyFit fit_hockney_at(std::span<const SizeTime> points, std::span<const double> cuts);

}  // namespace mpibench
