#include "cli/option_groups.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "patterns/task_protocol.hpp"

namespace mpibench {
namespace {

// CLI11 reads "nan" and "inf" as numbers, and its PositiveNumber lets NaN through (NaN <= 0
// is false): a NaN --max-time would disable the time limit. Every real number is read
// through one of these.
CLI::Validator finite_number(bool zero_allowed) {
  return CLI::Validator(
      [zero_allowed](std::string& text) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(text, value) || !std::isfinite(value)) {
          return fmt::format("'{}' is not a finite number", text);
        }
        if (value < 0 || (value == 0 && !zero_allowed)) {
          return fmt::format("'{}' must be {}", text, zero_allowed ? "0 or more" : "above 0");
        }
        return {};
      },
      "");
}

const CLI::Validator positive = finite_number(false);
const CLI::Validator non_negative = finite_number(true);

// A seed is a whole number from 0 to 2^64 - 1: no sign (CLI11 would wrap -1), no fraction.
const CLI::Validator seed_number(
    [](std::string& text) -> std::string {
      std::uint64_t value = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        return fmt::format("'{}' is not a whole number from 0 to 18446744073709551615", text);
      }
      return {};
    },
    "");

}  // namespace

void add_common_options(CLI::App& sub, RawOptions& raw, const char* sizes_default) {
  auto* sizes = sub.add_option("--sizes", raw.sizes,
                                "Message sizes in bytes: MIN:MAX (MIN, then doubling while <= MAX; 0 is "
                                "followed by 1) or a comma list; K, M, G mean KiB, MiB, GiB")
      ->type_name("SIZES")
      ->default_str(sizes_default);
  sub.add_option("-m", raw.osu_sizes, "As OSU's -m: MAX (meaning 0:MAX) or MIN:MAX")
      ->type_name("[MIN:]MAX")
      ->excludes(sizes);
  sub.add_option("-o,--output", raw.output,
                 "Write results as CSV to this file (- for stdout): metadata as '# key: value' "
                 "lines, a header row, one row per size as it finishes, and an end line; "
                 "written as FILE.partial until the run completes")
      ->type_name("FILE.csv");
  sub.add_option("--json", raw.json,
                 "Also write results in Google Benchmark's JSON format, which its compare.py "
                 "reads (median as real_time in us, the other statistics as fields)")
      ->type_name("FILE.json");
  const auto count = CLI::Range(std::size_t{1}, std::size_t{100'000'000}).description("");
  auto* precision = sub.add_option(
      "--precision", raw.precision,
      "Stop a size once the 95% confidence interval of its median is within this of the "
      "median (relative half-width; 0.01 or 1%)")
      ->type_name("P")
      ->capture_default_str();
  auto* min_samples = sub.add_option("--min-samples", raw.config.min_samples,
                                     "Samples per size before the precision is first judged "
                                     "(a sample is one batch of operations between two clock reads)")
      ->check(count)
      ->type_name("N")
      ->capture_default_str();
  auto* max_samples = sub.add_option("--max-samples", raw.config.max_samples, "Samples per size, at most")
      ->check(count)
      ->type_name("N")
      ->capture_default_str();
  auto* max_time = sub.add_option("--max-time", raw.config.max_time_s,
                                  "Seconds of sampling per size at most (fractions allowed); a "
                                  "size stops at the precision, --max-samples or --max-time, "
                                  "whichever comes first")
      ->check(positive)
      ->type_name("SECONDS")
      ->capture_default_str();
  auto* samples = sub.add_option("--samples", raw.samples,
                                 "Exactly this many samples per size (--min-samples = "
                                 "--max-samples = N)")
      ->check(count)
      ->type_name("N")
      ->excludes(min_samples)
      ->excludes(max_samples);
  sub.add_option("-i,--iterations", raw.config.iterations,
                 "Fixed mode, to compare with OSU and IMB: exactly N timed operations per size "
                 "(grouped into samples as usual), after --warmup operations (OSU -i, IMB -iter)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000'000'000}).description(""))
      ->type_name("N")
      ->excludes(precision)
      ->excludes(min_samples)
      ->excludes(max_samples)
      ->excludes(max_time)
      ->excludes(samples);
  sub.add_option("--sync", raw.sync,
                 "How a collective's samples start: barrier (after MPI_Barrier), or window (at "
                 "an agreed time on clocks synchronized to rank 0, so barrier exit skew is not "
                 "measured; a sample with a late rank is discarded and counted as invalid)")
      ->check(CLI::IsMember({"barrier", "window"}).description(""))
      ->type_name("METHOD")
      ->capture_default_str();
  sub.add_option("--repeat", raw.config.repeat,
                 "Run the whole sweep this many times, in a shuffled size order each time; rows "
                 "carry the repeat, and a summary gives the run-to-run spread of the medians")
      ->check(CLI::Range(1, 1000).description(""))
      ->type_name("R")
      ->capture_default_str();
  sub.add_option("--seed", raw.config.seed, "Seed of the size order shuffle for --repeat")
      ->check(seed_number)
      ->type_name("S")
      ->capture_default_str();
  sub.add_flag("--drop-outliers", raw.config.drop_outliers,
               "Compute the statistics without the samples outside Tukey's fences (1.5 IQR "
               "beyond the quartiles); the outliers column counts them either way");
  sub.add_option("-x,--warmup", raw.warmup_ops,
                 "Untimed operations per size, at least (default: 10 and 5 ms; warm-up also "
                 "runs until the batch size has settled) (OSU -x)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000'000}).description(""))
      ->type_name("OPS");
  sub.add_flag("-c,--validate", raw.config.validate,
               "Per size, also run operations with payloads derived from (rank, size, pass) "
               "and check every byte received; outside the timed samples (OSU -c)");
  sub.add_option("--time-limit", raw.time_limit_s,
                 "Stop the whole run after this many seconds with exit 1 (default: derived "
                 "from the sweep, generously; a hung run always ends)")
      ->check(positive)
      ->type_name("SECONDS");
  sub.add_option("--memory-limit", raw.memory_limit,
                 "Refuse to start when the buffers of a node's ranks would need more than this "
                 "(K, M, G suffixes); without it, 90% of the node's available memory")
      ->type_name("SIZE");
  sub.add_flag("-q,--quiet", raw.config.quiet, "No table on stdout (warnings and errors still print)");
  // Test only: proves that validation catches a corrupted payload.
  sub.add_flag("--corrupt-payload", raw.config.pattern_options.corrupt_payload, "")->group("");
}

void add_pattern_options(CLI::App& sub, const UsesOptions& uses, RawOptions& raw) {
  if (uses.root) {
    sub.add_option("--root", raw.config.pattern_options.root, "Rank that is the root of the collective")
        ->check(CLI::NonNegativeNumber.description(""))
        ->type_name("RANK")
        ->capture_default_str();
  }
  if (uses.reduction) {
    sub.add_option("--op", raw.op, "Reduction operation: sum, max, min or prod")
        ->check(CLI::IsMember({"sum", "max", "min", "prod"}).description(""))
        ->type_name("OP")
        ->capture_default_str();
    sub.add_option("--type", raw.type,
                   "Element type: int, float or double (sizes are rounded down to whole "
                   "elements; a size below one element is skipped)")
        ->check(CLI::IsMember({"int", "float", "double"}).description(""))
        ->type_name("TYPE")
        ->capture_default_str();
  }
  if (uses.tasks) {
    auto& o = raw.config.pattern_options;
    sub.add_option("--workers", o.workers,
                   "Worker counts to measure, a comma list (default: every rank but the queue, "
                   "or but the broker and the client)")
        ->delimiter(',')
        ->check(CLI::PositiveNumber.description(""))
        ->type_name("N,...");
    sub.add_option("--prefetch", o.prefetch,
                   "Tasks in flight per worker, a comma list (1 = strict round trip; more "
                   "pipelines, as a Celery worker's prefetch)")
        ->delimiter(',')
        ->check(CLI::Range(1, 1024).description(""))
        ->type_name("P,...")
        ->default_str("1");
    sub.add_option("--work-us", o.work_us,
                   "Simulated work per task in microseconds, a comma list (a busy loop on the "
                   "clock, not sleep)")
        ->delimiter(',')
        ->check(non_negative)
        ->type_name("US,...")
        ->default_str("0");
    sub.add_option("--result-bytes", o.result_bytes,
                   "Size of each result (the task's id and a checksum of its payload, padded)")
        ->check(CLI::Range(task::min_result_bytes, 1 << 30).description(""))
        ->type_name("BYTES")
        ->capture_default_str();
    sub.add_flag("--broker", o.broker,
                 "Route tasks client (rank 1) -> broker (rank 0) -> worker -> broker -> client; "
                 "the client measures the round trip (needs 3 ranks)");
    sub.add_option("--loss-timeout", o.loss_timeout_s,
                   "Seconds without any result after which the tasks in flight count as lost "
                   "(the run then stops with exit 1)")
        ->check(positive)
        ->type_name("SECONDS")
        ->capture_default_str();
    // Test only: proves that lost and duplicated results are caught.
    sub.add_option("--inject-fault", o.inject_fault, "")
        ->check(CLI::IsMember({"lose", "duplicate"}))
        ->group("");
    sub.add_option("--tasks", raw.config.tasks,
                   "Tasks per configuration, at most (--max-time also ends a configuration; "
                   "the tasks in flight are always drained)")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000'000}).description(""))
        ->type_name("T")
        ->capture_default_str();
  }
  if (uses.window) {
    sub.add_option("-W,--window", raw.config.pattern_options.window,
                   "Messages in flight per operation (one operation = a window of sends and "
                   "one acknowledgement) (OSU -W)")
        ->check(CLI::Range(1, 4096).description(""))
        ->type_name("W")
        ->capture_default_str();
  }
}

}  // namespace mpibench
