#include "statistics/hockney_fit.hpp"

#include <gtest/gtest.h>

#include <random>

namespace mpibench {
namespace {

struct Regime {
  double from_bytes;  // first size of the regime
  double alpha_us;
  double beta_us_per_byte;
};

// 0, 1, 2, 4, ... 4 MiB, each time from the regime its size falls in, with multiplicative
// noise uniform in +-noise (a fixed seed: the same data every run).
std::vector<SizeTime> synthetic(const std::vector<Regime>& regimes, double noise) {
  std::mt19937_64 random(42);
  std::uniform_real_distribution<double> wobble(-noise, noise);
  std::vector<SizeTime> points;
  for (double bytes = 0; bytes <= 4194304; bytes = bytes == 0 ? 1 : bytes * 2) {
    const Regime* r = &regimes.front();
    for (const Regime& candidate : regimes) {
      if (bytes >= candidate.from_bytes) r = &candidate;
    }
    points.push_back({bytes, (r->alpha_us + r->beta_us_per_byte * bytes) * (1 + wobble(random))});
  }
  return points;
}

TEST(HockneyFit, OneRegimeIsOneSegment) {
  // alpha 0.2 us, beta 1e-4 us/B (10 000 MB/s), no noise: recovered exactly.
  const auto points = synthetic({{0, 0.2, 1e-4}}, 0);
  const HockneyFit fit = fit_hockney(points);
  ASSERT_EQ(fit.segments.size(), 1u);
  EXPECT_NEAR(fit.segments[0].alpha_us, 0.2, 1e-9);
  EXPECT_NEAR(fit.segments[0].beta_us_per_byte, 1e-4, 1e-12);
  EXPECT_NEAR(fit.segments[0].bandwidth_mb_s(), 10000, 1e-6);
  EXPECT_NEAR(fit.segments[0].n_half_bytes(), 2000, 1e-6);  // 0.2 / 1e-4
  EXPECT_LT(fit.max_relative_residual, 1e-9);
}

TEST(HockneyFit, EagerAndRendezvousFoundWithNoise) {
  // Eager to 8 KiB (0.2 us, 1e-4 us/B), rendezvous from 16 KiB (3 us, 8e-5 us/B), 2% noise.
  const auto points = synthetic({{0, 0.2, 1e-4}, {16384, 3.0, 8e-5}}, 0.02);
  const HockneyFit fit = fit_hockney(points);
  ASSERT_EQ(fit.segments.size(), 2u);
  EXPECT_EQ(fit.segments[0].last_bytes, 8192);
  EXPECT_EQ(fit.segments[1].first_bytes, 16384);
  EXPECT_NEAR(fit.segments[0].alpha_us, 0.2, 0.2 * 0.05);
  EXPECT_NEAR(fit.segments[1].alpha_us, 3.0, 3.0 * 0.25);  // large sizes pin alpha loosely
  EXPECT_NEAR(fit.segments[1].beta_us_per_byte, 8e-5, 8e-5 * 0.03);
  EXPECT_LT(fit.max_relative_residual, 0.05);
  EXPECT_GT(fit.segments[1].beta_se, 0);
}

TEST(HockneyFit, ThreeRegimes) {
  const auto points = synthetic({{0, 0.2, 2e-4}, {1024, 1.0, 1.5e-4}, {65536, 20.0, 8e-5}}, 0.01);
  const HockneyFit fit = fit_hockney(points);
  ASSERT_EQ(fit.segments.size(), 3u);
  EXPECT_EQ(fit.segments[1].first_bytes, 1024);
  EXPECT_EQ(fit.segments[2].first_bytes, 65536);
}

TEST(HockneyFit, NoiseAloneDoesNotMakeRegimes) {
  const auto points = synthetic({{0, 0.5, 1e-4}}, 0.03);
  EXPECT_EQ(fit_hockney(points).segments.size(), 1u);
}

TEST(HockneyFit, SameCutsOnOtherData) {
  const auto points = synthetic({{0, 0.2, 1e-4}, {16384, 3.0, 8e-5}}, 0);
  const std::vector<double> cuts{16384};
  const HockneyFit fit = fit_hockney_at(points, cuts);
  ASSERT_EQ(fit.segments.size(), 2u);
  EXPECT_NEAR(fit.segments[1].alpha_us, 3.0, 1e-6);
  EXPECT_NEAR(fit.predict_us(1048576), 3.0 + 8e-5 * 1048576, 1e-6);
  EXPECT_NEAR(fit.predict_us(100), 0.2 + 1e-4 * 100, 1e-9);
}

TEST(HockneyFit, TooFewSizes) {
  const std::vector<SizeTime> two{{8, 1.0}, {16, 1.1}};
  EXPECT_THROW(fit_hockney(two), std::invalid_argument);
}

}  // namespace
}  // namespace mpibench
