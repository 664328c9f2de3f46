// The runner with a fake pattern and a fake clock: time advances only when the pattern
// runs, by a fixed cost per operation, so every decision the runner takes (batch size,
// operation counts, stop reasons, what it reports) has one right answer.
#include "bench/harness/runner.hpp"

#include <gtest/gtest.h>
#include <mpi.h>

#include <limits>
#include <numeric>

#include "toolkit/errors.hpp"

namespace mpibench {
namespace {

double fake_seconds = 0;
// Under --sync window the clock also moves when it is read, so a rank waiting for an agreed
// start gets there.
double fake_read_s = 0;
double fake_now() { return fake_seconds += fake_read_s; }

Clock fake_clock() {
  Clock clock;
  clock.name = "fake";
  clock.now = fake_now;
  clock.resolution_s = 1e-9;
  clock.cost_s = 1e-9;  // so the shortest batch worth timing is the 100 us floor
  return clock;
}

const OptionValues no_options;

// Every operation costs `op_s` of fake time.
class FakeOperation final : public OperationPattern {
 public:
  FakeOperation(BufferProvider& buffers, double op_s, Timing timing = Timing::batched, double divisor = 1)
      : OperationPattern(PatternContext{MPI_COMM_SELF, buffers, no_options}), op_s_(op_s),
        timing_(timing), divisor_(divisor) {}
  Timing timing() const override { return timing_; }
  void run(std::int64_t ops) override {
    for (std::int64_t i = 0; i < ops; ++i) {
      // With jitter, every other operation costs double: samples that never agree.
      const bool doubled = jitter && (ran_ + i) % 2 == 1;
      // From the operation numbered slow_from on (0: the first), each costs three times.
      const double slowed = ran_ + i >= slow_from ? 3.0 : 1.0;
      fake_seconds += (doubled ? 2 * op_s_ : op_s_) * slowed;
    }
    ran_ += ops;
  }
  double time_divisor() const override { return divisor_; }
  std::int64_t ran_ = 0;
  bool jitter = false;
  std::int64_t slow_from = std::numeric_limits<std::int64_t>::max();
  std::optional<std::size_t> wrong_byte;

 private:
  std::size_t send_bytes(std::size_t bytes) const override { return bytes; }
  std::size_t receive_bytes(std::size_t) const override { return 0; }
  void prepare_payloads(std::uint64_t) override {}
  std::optional<Mismatch> check_received(std::uint64_t) const override {
    if (wrong_byte) return Mismatch{*wrong_byte, "fake message"};
    return std::nullopt;
  }
  double op_s_;
  Timing timing_;
  double divisor_;
};

// Hands back one time per operation the budget allows, and records the budgets it got.
class FakeSelfTimed final : public SelfTimedPattern {
 public:
  std::size_t buffer_bytes(std::size_t) const override { return 0; }
  void setup(std::size_t) override {}
  std::optional<Mismatch> run_validated(std::uint64_t) override { return std::nullopt; }
  std::int64_t default_max_ops() const override { return 50; }
  SelfTimedRun run_self_timed(const Clock&, const OperationBudget& budget) override {
    budgets.push_back(budget);
    SelfTimedRun run;
    const std::int64_t ops = std::min<std::int64_t>(budget.max_ops, 20);
    run.op_seconds.assign(static_cast<std::size_t>(ops), 3e-6);
    run.stopped_by_time = ops < budget.max_ops;
    run.own_results.set("tasks_done", ops);
    if (fail_measured_run && budgets.size() == 2) run.failure = "3 of 20 tasks lost";
    return run;
  }
  std::vector<OperationBudget> budgets;
  bool fail_measured_run = false;
};

const WarmupRule warmup{10, 0.005};

TEST(Runner, FixedModeTimesExactlyItsOperationsInCalibratedBatches) {
  BufferProvider buffers;
  FakeOperation pattern(buffers, 1e-6);  // 1 us per operation
  pattern.setup(8);
  FixedStopRule rule(1000, 1.0);
  Runner runner(MPI_COMM_SELF, fake_clock(), rule, warmup, SyncMethod::barrier);
  const SizeSamples samples = runner.measure(pattern);
  // The smallest doubling of 1 us that reaches the 100 us floor: 128 operations.
  EXPECT_EQ(samples.ops_per_sample, 128);
  // 1000 = 7 x 128 + 104: the last batch is shorter, and nothing more is timed.
  EXPECT_EQ(samples.completion_s.size(), 8u);
  for (const double t : samples.completion_s) EXPECT_NEAR(t, 1e-6, 1e-12);
  EXPECT_EQ(samples.stop, StopReason::iterations);
  EXPECT_EQ(samples.sync, "barrier");
  // Warm-up ran at least its rule (5 ms of 1 us operations) before the 1000.
  EXPECT_GE(pattern.ran_ - 1000, 5000);
}

TEST(Runner, ReportsPerOperationTimeThroughTheDivisor) {
  BufferProvider buffers;
  FakeOperation pattern(buffers, 4e-6, Timing::batched, 2.0);  // a round trip, half reported
  pattern.setup(8);
  FixedStopRule rule(64, 1.0);
  Runner runner(MPI_COMM_SELF, fake_clock(), rule, warmup, SyncMethod::barrier);
  const SizeSamples samples = runner.measure(pattern);
  ASSERT_FALSE(samples.completion_s.empty());
  for (const double t : samples.completion_s) EXPECT_NEAR(t, 2e-6, 1e-12);
  // One rank: the slowest, the mean and the fastest rank are the same sample.
  EXPECT_EQ(samples.rank_mean_s, samples.completion_s);
  EXPECT_EQ(samples.rank_min_s, samples.completion_s);
}

TEST(Runner, AdaptiveRuleStopsAtPrecisionOnceItMayJudge) {
  BufferProvider buffers;
  FakeOperation pattern(buffers, 2e-6, Timing::one_per_sample);
  pattern.setup(8);
  AdaptiveStopRule rule(10, 1000, 0.01, 1.0);
  Runner runner(MPI_COMM_SELF, fake_clock(), rule, warmup, SyncMethod::barrier);
  const SizeSamples samples = runner.measure(pattern);
  // Identical samples: the interval has no width, so the rule stops at its minimum.
  EXPECT_EQ(samples.completion_s.size(), 10u);
  EXPECT_EQ(samples.stop, StopReason::precision);
  EXPECT_EQ(samples.ops_per_sample, 1);  // a collective is never batched
}

TEST(Runner, AdaptiveRuleStopsAtItsTimeBudget) {
  BufferProvider buffers;
  FakeOperation pattern(buffers, 0.1, Timing::one_per_sample);  // 100 or 200 ms
  pattern.jitter = true;
  pattern.setup(8);
  AdaptiveStopRule rule(3, 1000, 0.01, 1.0);
  Runner runner(MPI_COMM_SELF, fake_clock(), rule, warmup, SyncMethod::barrier);
  const SizeSamples samples = runner.measure(pattern);
  EXPECT_EQ(samples.stop, StopReason::time);
  // It stops at the first sample that ends past one second of sampling, not later.
  const double sampled = std::accumulate(samples.completion_s.begin(), samples.completion_s.end(), 0.0);
  EXPECT_GE(sampled, 1.0);
  EXPECT_LT(sampled - samples.completion_s.back(), 1.0);
}

// The clock reads 100 ns a read while the test runs.
struct ReadsTakeTime {
  ReadsTakeTime() { fake_read_s = 1e-7; }
  ~ReadsTakeTime() { fake_read_s = 0; }
};

TEST(Runner, WindowedSamplesComeInBlocksOneSlackApart) {
  const ReadsTakeTime reads;
  BufferProvider buffers;
  FakeOperation pattern(buffers, 2e-6, Timing::one_per_sample);
  pattern.setup(8);
  FixedStopRule rule(25, 1.0);
  Runner runner(MPI_COMM_SELF, fake_clock(), rule, warmup, SyncMethod::window);
  const SizeSamples samples = runner.measure(pattern);
  EXPECT_EQ(samples.sync, "window");
  ASSERT_EQ(samples.completion_s.size(), 25u);
  EXPECT_EQ(samples.invalid, 0);
  EXPECT_EQ(samples.stop, StopReason::iterations);
  // Timed from the agreed start: the operation and the clock reads around it.
  for (const double t : samples.completion_s) EXPECT_NEAR(t, 2e-6, 3e-7);
  // A block of 1 (how long a sample takes is not known yet), then one of 24: within it the
  // starts are the first block's sample and the 10 us slack apart, so each starts the slack
  // after the last one ended, whatever the sample's own length.
  ASSERT_EQ(samples.between_s.size(), 24u);
  for (std::size_t k = 1; k < samples.between_s.size(); ++k) EXPECT_NEAR(samples.between_s[k], 10e-6, 3e-7);
}

TEST(Runner, AWindowedSampleStartedLateIsDiscardedAndTheSlackWidensOnce) {
  const ReadsTakeTime reads;
  BufferProvider buffers;
  FakeOperation pattern(buffers, 100e-6, Timing::one_per_sample);
  pattern.slow_from = 4;  // the warm-up's 1 and 3 samples at 100 us, then 300 us each
  pattern.setup(8);
  FixedStopRule rule(25, 1.0);
  Runner runner(MPI_COMM_SELF, fake_clock(), rule, WarmupRule{1, 0}, SyncMethod::window);
  const SizeSamples samples = runner.measure(pattern);
  // The block of 24 after the first was spaced for 100 us samples (and the slack): from the
  // first 300 us one on, every start had passed; those 21 are discarded.
  // The next block is spaced for its longest, 300 us, with a slack widened by half (15 us),
  // and takes the 21 still owed.
  ASSERT_EQ(samples.completion_s.size(), 25u);
  EXPECT_EQ(samples.invalid, 21);
  for (std::size_t k = 0; k < 3; ++k) EXPECT_NEAR(samples.completion_s[k], 100e-6, 3e-7);
  for (std::size_t k = 3; k < 25; ++k) EXPECT_NEAR(samples.completion_s[k], 300e-6, 3e-7);
  EXPECT_NEAR(samples.between_s.back(), 15e-6, 3e-7);
}

TEST(Runner, SelfTimedPatternGetsWarmupThenTheStopRulesBudget) {
  FakeSelfTimed pattern;
  AdaptiveStopRule adaptive(10, 1000, 0.01, 0.5);
  Runner runner(MPI_COMM_SELF, fake_clock(), adaptive, warmup, SyncMethod::barrier);
  const SizeSamples samples = runner.measure(pattern);
  ASSERT_EQ(pattern.budgets.size(), 2u);
  EXPECT_EQ(pattern.budgets[0].min_ops, 10);
  EXPECT_DOUBLE_EQ(pattern.budgets[0].max_time_s, 0.005);
  EXPECT_EQ(pattern.budgets[1].min_ops, 10);  // --min-samples operations
  EXPECT_EQ(pattern.budgets[1].max_ops, 50);  // the pattern's own count
  EXPECT_DOUBLE_EQ(pattern.budgets[1].max_time_s, 0.5);
  EXPECT_EQ(samples.completion_s.size(), 20u);
  EXPECT_EQ(samples.stop, StopReason::time);  // 20 of 50: time ended it
  EXPECT_EQ(samples.sync, "self");
  EXPECT_EQ(std::get<std::int64_t>(samples.own_results.cells().front().second), 20);

  FakeSelfTimed fixed_pattern;
  FixedStopRule fixed(12, 1.0);
  Runner fixed_runner(MPI_COMM_SELF, fake_clock(), fixed, warmup, SyncMethod::barrier);
  const SizeSamples counted = fixed_runner.measure(fixed_pattern);
  EXPECT_EQ(fixed_pattern.budgets[1].max_ops, 12);
  EXPECT_EQ(counted.completion_s.size(), 12u);
  EXPECT_EQ(counted.stop, StopReason::iterations);
}

TEST(Runner, ASelfTimedFailureIsEveryRanksRunError) {
  FakeSelfTimed pattern;
  pattern.fail_measured_run = true;
  AdaptiveStopRule rule(10, 1000, 0.01, 0.5);
  Runner runner(MPI_COMM_SELF, fake_clock(), rule, warmup, SyncMethod::barrier);
  EXPECT_THROW(runner.measure(pattern), RunError);
}

TEST(Runner, ValidationNamesTheRankTheOffsetAndThePass) {
  BufferProvider buffers;
  FakeOperation pattern(buffers, 1e-6);
  pattern.setup(8);
  FixedStopRule rule(1, 1.0);
  Runner runner(MPI_COMM_SELF, fake_clock(), rule, warmup, SyncMethod::barrier);
  EXPECT_EQ(runner.validate(pattern, 8, 2), std::nullopt);
  pattern.wrong_byte = 3;
  EXPECT_EQ(runner.validate(pattern, 8, 2),
            "rank 0 found a wrong byte at offset 3 of the fake message (pass 1)");
}

}  // namespace
}  // namespace mpibench

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  MPI_Init(&argc, &argv);
  const int failed = RUN_ALL_TESTS();
  MPI_Finalize();
  return failed;
}
