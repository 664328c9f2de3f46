#pragma once
// Collective times predicted from the point-to-point model and the measured reduction cost,
// beside the times measured (`mpibench model --predict`). A prediction assumes an algorithm,
// so it is made only for runs that pinned one (MPICH's MPIR_CVAR_<PATTERN>_INTRA_ALGORITHM,
// which the run's metadata records); the others are named with what to set.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "statistics/hockney_fit.hpp"
#include "results/result_file.hpp"

namespace mpibench {

struct Prediction {
  std::string pattern;
  std::int64_t ranks = 0;
  std::int64_t bytes = 0;
  std::string algorithm;
  double predicted_us = 0;
  double measured_us = 0;
  double ratio = 0;  // measured / predicted
};

struct PredictionReport {
  std::vector<Prediction> rows;
  std::vector<std::string> notes;  // what could not be predicted, and why
};

using GammaByOperation = std::map<std::pair<std::string, std::string>, double>;  // (op, type) -> us/B

// Gamma per (op, type) from reduce_local rows: the slope of their time over the size.
GammaByOperation fit_gamma(const std::vector<ResultFile>& files);

PredictionReport predict_collectives(const HockneyFit& point_to_point, const GammaByOperation& gamma,
                                     const std::vector<ResultFile>& measured);

}  // namespace mpibench
