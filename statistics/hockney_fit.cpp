#include "statistics/hockney_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace mpibench {
namespace {

struct LineFit {
  Segment segment;
  double rss = 0;  // sum of squared relative residuals
};

// Weighted least squares of y = alpha + beta x with weights 1 / y^2.
LineFit fit_line(std::span<const SizeTime> points) {
  double s = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const SizeTime& p : points) {
    const double w = p.time_us > 0 ? 1 / (p.time_us * p.time_us) : 1;
    s += w;
    sx += w * p.bytes;
    sy += w * p.time_us;
    sxx += w * p.bytes * p.bytes;
    sxy += w * p.bytes * p.time_us;
  }
  const double d = s * sxx - sx * sx;
  LineFit fit;
  Segment& g = fit.segment;
  g.first_bytes = points.front().bytes;
  g.last_bytes = points.back().bytes;
  g.points = points.size();
  g.beta_us_per_byte = d > 0 ? (s * sxy - sx * sy) / d : 0;
  g.alpha_us = (sy - g.beta_us_per_byte * sx) / s;
  for (const SizeTime& p : points) {
    const double r = p.time_us > 0 ? (p.time_us - g.predict_us(p.bytes)) / p.time_us : 0;
    fit.rss += r * r;
  }
  if (points.size() > 2 && d > 0) {
    const double sigma2 = fit.rss / static_cast<double>(points.size() - 2);
    g.alpha_se = std::sqrt(sigma2 * sxx / d);
    g.beta_se = std::sqrt(sigma2 * s / d);
  }
  return fit;
}

HockneyFit assemble(std::span<const SizeTime> points, std::vector<LineFit> fits) {
  HockneyFit result;
  double rss = 0;
  for (LineFit& f : fits) {
    rss += f.rss;
    result.segments.push_back(f.segment);
  }
  const auto n = static_cast<double>(points.size());
  const auto k = static_cast<double>(result.segments.size());
  // A floor keeps an exact fit (synthetic data) from scoring minus infinity.
  result.bic = n * std::log(std::max(rss / n, 1e-14)) + (3 * k - 1) * std::log(n);
  result.rms_relative_residual = std::sqrt(rss / n);
  for (const SizeTime& p : points) {
    if (p.time_us <= 0) continue;
    const double r = std::abs(p.time_us - result.predict_us(p.bytes)) / p.time_us;
    if (r > result.max_relative_residual) {
      result.max_relative_residual = r;
      result.worst_bytes = p.bytes;
    }
  }
  return result;
}

}  // namespace

const Segment& HockneyFit::segment_for(double bytes) const {
  if (segments.empty()) throw std::logic_error("an empty fit has no segment");
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    if (bytes < segments[i + 1].first_bytes) return segments[i];
  }
  return segments.back();
}

HockneyFit fit_hockney(std::span<const SizeTime> points, const HockneyFitOptions& options) {
  const std::size_t n = points.size();
  const std::size_t m = std::max<std::size_t>(options.min_points, 2);
  if (n < m) throw std::invalid_argument("too few sizes to fit");
  // rss[i][j]: one line through points i .. j-1.
  std::vector<std::vector<double>> rss(n + 1, std::vector<double>(n + 1, std::numeric_limits<double>::infinity()));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + m; j <= n; ++j) rss[i][j] = fit_line(points.subspan(i, j - i)).rss;
  }
  // best[k][j]: the least rss of the first j points in k segments, and where the last begins.
  const std::size_t max_k = std::max<std::size_t>(1, std::min(options.max_segments, n / m));
  constexpr double none = std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> best(max_k + 1, std::vector<double>(n + 1, none));
  std::vector<std::vector<std::size_t>> start(max_k + 1, std::vector<std::size_t>(n + 1, 0));
  best[0][0] = 0;
  for (std::size_t k = 1; k <= max_k; ++k) {
    for (std::size_t j = k * m; j <= n; ++j) {
      for (std::size_t i = (k - 1) * m; i + m <= j; ++i) {
        const double total = best[k - 1][i] + rss[i][j];
        if (total < best[k][j]) {
          best[k][j] = total;
          start[k][j] = i;
        }
      }
    }
  }
  HockneyFit chosen;
  bool have = false;
  for (std::size_t k = 1; k <= max_k; ++k) {
    if (best[k][n] == none) continue;
    std::vector<std::size_t> begins;
    for (std::size_t j = n, kk = k; kk > 0; --kk) {
      begins.push_back(start[kk][j]);
      j = start[kk][j];
    }
    std::reverse(begins.begin(), begins.end());
    std::vector<LineFit> fits;
    for (std::size_t s = 0; s < begins.size(); ++s) {
      const std::size_t end = s + 1 < begins.size() ? begins[s + 1] : n;
      fits.push_back(fit_line(points.subspan(begins[s], end - begins[s])));
    }
    HockneyFit candidate = assemble(points, std::move(fits));
    if (!have || candidate.bic < chosen.bic) {
      chosen = std::move(candidate);
      have = true;
    }
  }
  return chosen;
}

HockneyFit fit_hockney_at(std::span<const SizeTime> points, std::span<const double> cuts) {
  std::vector<LineFit> fits;
  std::size_t begin = 0;
  for (std::size_t c = 0; c <= cuts.size(); ++c) {
    std::size_t end = begin;
    while (end < points.size() && (c == cuts.size() || points[end].bytes < cuts[c])) ++end;
    if (end - begin >= 2) fits.push_back(fit_line(points.subspan(begin, end - begin)));
    begin = end;
  }
  if (fits.empty()) throw std::invalid_argument("too few sizes to fit");
  return assemble(points, std::move(fits));
}

}  // namespace mpibench
