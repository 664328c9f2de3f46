#pragma once
// Every statistic mpibench reports is computed here, as pure functions over samples.
#include <cstddef>
#include <span>
#include <vector>

namespace mpibench {

// A distribution-free confidence interval of the median, from order statistics: the
// interval [x(j), x(n+1-j)] covers the median with probability P(j <= B <= n-j),
// B ~ Binomial(n, 1/2) (see Le Boudec, "Performance Evaluation", 2.2). With too few samples
// for the requested confidence it is [min, max] and `level` says what that interval has.
struct MedianCi {
  double low = 0;
  double high = 0;
  double level = 0;  // the coverage the interval actually has, in [0, 1]
};

struct Summary {
  std::size_t count = 0;
  double min = 0;
  double max = 0;
  double mean = 0;
  double median = 0;
  double p95 = 0;
  double p99 = 0;
  double stddev = 0;  // sample standard deviation (n - 1); 0 for one sample
  double cv = 0;      // coefficient of variation: stddev / mean
  MedianCi median_ci;
};

// Tukey's fences: outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR] a sample is an outlier (quartiles
// as percentile_sorted computes them).
struct Fences {
  double low = 0;
  double high = 0;
};

// Linear interpolation between closest ranks (Hyndman & Fan type 7, numpy's default).
// `sorted` must be sorted and non-empty; p in [0, 1].
double percentile_sorted(std::span<const double> sorted, double p);

// The median of unsorted values (percentile_sorted at 0.5: the mean of the middle two for an
// even count); 0 for none, which callers that can have none say how they read.
double median_of(std::span<const double> values);

MedianCi median_ci_sorted(std::span<const double> sorted, double confidence = 0.95);

// Summary of unsorted samples; `samples` must be non-empty.
Summary summarize(std::span<const double> samples);

Fences tukey_fences_sorted(std::span<const double> sorted);

// Samples outside Tukey's fences; `samples` need not be sorted.
std::size_t count_outliers(std::span<const double> samples);

// The samples inside Tukey's fences, in their original order.
std::vector<double> without_outliers(std::span<const double> samples);

}  // namespace mpibench
