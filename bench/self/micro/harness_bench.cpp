// The harness's own costs, measured with Google Benchmark: what a clock read, a summary of
// a size's samples and a CSV row cost. These say why the runner reads the clock only around
// batches and computes statistics outside the timed region.
//
//   build/bench/self/micro/harness_bench [--benchmark_format=json]
#include <benchmark/benchmark.h>
#include <mpi.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "toolkit/clock.hpp"
#include "toolkit/payload.hpp"
#include "statistics/stats.hpp"
#include "statistics/stop_rule.hpp"
#include "results/csv_writer.hpp"

namespace {

void BM_SteadyClockRead(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(std::chrono::steady_clock::now());
}
BENCHMARK(BM_SteadyClockRead);

void BM_TscRead(benchmark::State& state) {
  if (!mpibench::clock_available(mpibench::ClockKind::tsc)) {
    state.SkipWithError("no invariant TSC on this machine");
    return;
  }
  const mpibench::Clock tsc = mpibench::make_clock(mpibench::ClockKind::tsc);
  for (auto _ : state) benchmark::DoNotOptimize(tsc.now());
}
BENCHMARK(BM_TscRead);

void BM_MpiWtimeRead(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(MPI_Wtime());
}
BENCHMARK(BM_MpiWtimeRead);

std::vector<double> noisy_samples(std::size_t n) {
  std::mt19937_64 rng(1);
  std::lognormal_distribution<double> dist(0.0, 0.1);
  std::vector<double> samples(n);
  for (auto& s : samples) s = dist(rng);
  return samples;
}

void BM_Summarize(benchmark::State& state) {
  const auto samples = noisy_samples(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(mpibench::summarize(samples));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Summarize)->RangeMultiplier(10)->Range(10, 1'000'000)->Complexity();

// What the adaptive stop rule pays each time it judges the precision.
void BM_MedianCiRelativeHalfWidth(benchmark::State& state) {
  const auto samples = noisy_samples(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(mpibench::median_ci_relative_half_width(samples));
}
BENCHMARK(BM_MedianCiRelativeHalfWidth)->Arg(10)->Arg(1000)->Arg(100'000);

void BM_CsvRow(benchmark::State& state) {
  mpibench::CsvWriter writer;
  benchmark::DoNotOptimize(writer.begin({{"schema_version", "2"}}, mpibench::run_columns({}, {})));
  mpibench::Record row;
  row.set("pattern", std::string("pingpong")).set("ranks", std::int64_t{2}).set("bytes", std::int64_t{4096})
      .set("median_us", 0.1234).set("ci_low_us", 0.1201).set("stop", std::string("samples"));
  for (auto _ : state) benchmark::DoNotOptimize(writer.row(row));
}
BENCHMARK(BM_CsvRow);

void BM_ValidatePayload(benchmark::State& state) {
  std::vector<std::byte> buffer(static_cast<std::size_t>(state.range(0)));
  mpibench::fill_payload(buffer, 42);
  for (auto _ : state) benchmark::DoNotOptimize(mpibench::first_mismatch(buffer, 42));
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ValidatePayload)->Arg(4096)->Arg(1 << 20);

}  // namespace

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);  // MPI_Wtime needs an initialized library
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  MPI_Finalize();
  return 0;
}
