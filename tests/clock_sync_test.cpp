#include "bench/harness/clock_sync.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace mpibench {
namespace {

// Exchanges as rank 0 would record them with a peer whose clock reads
// root + offset + drift * root, over symmetric one-way delays of `latency` plus noise;
// every fifth exchange is delayed on its way back, as a preempted reply would be.
std::vector<ClockExchange> synthetic(double offset, double drift, double latency, double span_s,
                                     int count) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> jitter(0, 20e-9);
  std::vector<ClockExchange> exchanges;
  for (int i = 0; i < count; ++i) {
    const double send = 100.0 + span_s * i / count;
    const double arrive = send + latency + jitter(rng);
    const double delayed_back = i % 5 == 4 ? 3e-6 : 0;
    const double back = arrive + latency + jitter(rng) + delayed_back;
    exchanges.push_back({send, arrive + offset + drift * arrive, back});
  }
  return exchanges;
}

TEST(FitClockModel, RecoversOffsetWithoutDrift) {
  const auto exchanges = synthetic(-2.5e-3, 0, 300e-9, 1e-3, 40);
  const ClockModel m = fit_clock_model(exchanges);
  EXPECT_EQ(m.drift, 0) << "1 ms of exchanges is too short to fit drift";
  // The peer reads 2.5 ms less; the symmetric latency cancels, the jitter does not quite.
  EXPECT_NEAR(m.peer_time(100.0) - 100.0, -2.5e-3, 30e-9);
}

TEST(FitClockModel, RecoversOffsetAndDrift) {
  const double drift = 20e-6;  // 20 ppm
  const auto exchanges = synthetic(1e-3, drift, 500e-9, 2.0, 200);
  const ClockModel m = fit_clock_model(exchanges);
  EXPECT_NEAR(m.drift, drift, 0.05e-6);
  for (const double t : {100.0, 101.0, 102.0, 105.0}) {
    const double truth = t + 1e-3 + drift * t;
    EXPECT_NEAR(m.peer_time(t), truth, 100e-9) << t;
  }
}

TEST(FitClockModel, IgnoresExchangesDelayedOnOneLeg) {
  // Without the round-trip filter the delayed replies would move the offset by ~0.3 us.
  const auto exchanges = synthetic(0, 0, 200e-9, 1e-3, 50);
  EXPECT_NEAR(fit_clock_model(exchanges).peer_time(50.0) - 50.0, 0, 30e-9);
}

TEST(FitClockModel, NoExchangesIsTheIdentity) {
  const ClockModel m = fit_clock_model({});
  EXPECT_DOUBLE_EQ(m.peer_time(42.0), 42.0);
}

}  // namespace
}  // namespace mpibench
