#pragma once
// One launch's result file as observations: per configuration and size, the median time
// (over its --repeat rows) and the CI of that median. What `compare` matches across launches
// and `model` fits.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "results/result_file.hpp"

namespace mpibench {

using ObservationKey = std::pair<std::string, std::int64_t>;  // configuration, bytes

struct Observation {
  double median_us;
  double ci_low_us;
  double ci_high_us;
};

// A cell as a number (0 where it is not one).
double number(const std::string& text);

// The configuration columns every file has: rows are matched on these. A column only some
// files have (one a newer mpibench added) would otherwise split every key in two; those go
// to `left_out`.
std::set<std::string> shared_configuration(const std::vector<ResultFile>& files, std::vector<std::string>& left_out);

// The file's observations, keyed by its configuration on `matched_on` ("pingpong ranks=2
// same_host=yes") and size. Throws UnusableInput without median_us or bytes columns.
std::map<ObservationKey, Observation> observations(const ResultFile& file, const std::set<std::string>& matched_on);

}  // namespace mpibench
