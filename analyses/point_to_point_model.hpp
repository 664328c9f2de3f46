#pragma once
// Hockney's model fitted to the point-to-point results of one or more launches (`mpibench
// model`): per configuration of pingpong rows, the piecewise alpha-beta fit of the medians
// over launches, and how much each parameter moves from launch to launch (each launch fitted
// with the same breakpoints) — the launch, not the sample, is the unit of replication.
#include <string>
#include <vector>

#include "statistics/hockney_fit.hpp"
#include "results/result_file.hpp"

namespace mpibench {

struct Estimate {
  double value = 0;  // the median of the launches' own fits; one launch: its fit
  double low = 0;    // range over the launches' own fits; one launch: +-1.96 standard errors
  double high = 0;
};

struct ModelSegment {
  Segment fit;  // of the medians over launches: which sizes, and where the regimes change
  Estimate alpha_us;
  Estimate beta_us_per_byte;

  double bandwidth_mb_s() const { return beta_us_per_byte.value > 0 ? 1 / beta_us_per_byte.value : 0; }
  double n_half_bytes() const { return beta_us_per_byte.value > 0 ? alpha_us.value / beta_us_per_byte.value : 0; }
};

struct PointToPointModel {
  std::string configuration;  // "pingpong ranks=2 same_host=yes"
  std::size_t launches = 0;
  HockneyFit fit;
  std::vector<ModelSegment> segments;
  std::vector<SizeTime> points;  // the medians over launches that were fitted
};

// Rows the model fits: mpibench's pingpong, and ping-pongs written in its schema by other
// programs under a name of their own that starts with "pingpong-" (the labs' mpi4py one).
bool is_ping_pong(std::string_view pattern);

// Throws UnusableInput (one line for the user) when no launch has pingpong rows, or a
// configuration has fewer than 3 sizes that every launch measured.
std::vector<PointToPointModel> fit_point_to_point(const std::vector<ResultFile>& launches);

// How the intervals were made, for the reader: "range over 5 launches" or "one launch: ...".
std::string spread_text(std::size_t launches);

}  // namespace mpibench
