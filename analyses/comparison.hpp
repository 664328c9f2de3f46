#pragma once
// `mpibench compare`: is a candidate slower than a baseline, judged across launches? Each file
// is one launch (the unit of replication: launch-to-launch spread is several times one
// launch's confidence interval here); --repeat rows inside a launch are nested in it. Per
// configuration and size, the observations are the launches' medians on a log scale; an
// exact one-sided Mann-Whitney test gives p, Hodges-Lehmann the shift with Moses' interval,
// and the p of all rows compared are corrected together (Benjamini-Hochberg, or Holm).
#include <cstdint>
#include <string>
#include <vector>

#include "results/result_file.hpp"

namespace mpibench {

enum class Correction { benjamini_hochberg, holm };

struct CompareSettings {
  double threshold = 0.05;  // smallest relative change that counts
  double alpha = 0.05;      // largest corrected p (q) that counts
  Correction correction = Correction::benjamini_hochberg;
  bool single_launch = false;  // one launch a side: non-overlapping CIs instead of a test
};

struct Verdict {
  std::string configuration;  // "pingpong ranks=2 window=64"
  std::int64_t bytes = 0;
  std::size_t baseline_launches = 0;
  std::size_t candidate_launches = 0;
  double baseline_us = 0;     // median over launches
  double candidate_us = 0;
  double change = 0;          // Hodges-Lehmann shift as a relative change (+0.05 = 5% slower)
  double change_low = 0;
  double change_high = 0;
  double change_level = 0;    // the coverage of [change_low, change_high]
  double p = 1;               // one-sided, in the direction of the change
  double q = 1;               // corrected over every row compared
  std::string verdict;        // "regression", "improvement" or ""
};

struct Comparison {
  std::vector<Verdict> rows;
  std::vector<std::string> only_in_baseline;   // "configuration, bytes B"
  std::vector<std::string> only_in_candidate;
  std::vector<std::string> warnings;           // the sides differ in what matters
  std::size_t regressions = 0;
  std::size_t improvements = 0;
};

// Throws UnusableInput when the launches cannot support a verdict (too few of them for the
// rows compared, none in common), naming what would.
Comparison compare_launches(const std::vector<ResultFile>& baseline, const std::vector<ResultFile>& candidate,
                            const CompareSettings& settings);

// The launches each side needs so that one row can pass the correction over `rows` rows at
// `alpha`: the smallest n with rows x 1/C(2n, n) <= alpha.
std::size_t launches_needed(std::size_t rows, double alpha);

}  // namespace mpibench
