#include "cli/options.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "bench/errors.hpp"
#include "build_info.hpp"
#include "cli/precision.hpp"
#include "cli/size_list.hpp"
#include "patterns/catalog.hpp"
#include "patterns/task_protocol.hpp"

namespace mpibench {
namespace {

// Raw option values as CLI11 fills them; turned into a RunConfig after parsing.
struct RawOptions {
  std::string sizes;  // empty: the pattern's default
  std::string output;
  std::optional<std::size_t> samples;
  std::size_t min_samples = 10;
  std::size_t max_samples = 100000;
  std::string precision = "1%";
  std::optional<std::int64_t> iterations;
  bool drop_outliers = false;
  std::string sync = "barrier";
  int repeat = 1;
  std::uint64_t seed = 1;
  double max_time_s = 1.0;
  std::optional<std::int64_t> warmup_ops;
  double time_limit_s = 0;
  std::string memory_limit;
  bool validate = false;
  bool quiet = false;
  std::int64_t tasks = 10000;
  std::string op = "sum";
  std::string type = "float";  // IMB's default
  PatternOptions pattern;
};

ReduceOp reduce_op_named(const std::string& name) {
  for (const ReduceOp op : {ReduceOp::sum, ReduceOp::max, ReduceOp::min, ReduceOp::prod}) {
    if (to_string(op) == name) return op;
  }
  throw UsageError(fmt::format("unknown --op '{}'", name));
}

ReduceType reduce_type_named(const std::string& name) {
  for (const ReduceType type : {ReduceType::int32, ReduceType::float32, ReduceType::float64}) {
    if (to_string(type) == name) return type;
  }
  throw UsageError(fmt::format("unknown --type '{}'", name));
}

constexpr const char* app_description =
    "mpibench measures message-passing patterns over MPI: point-to-point latency and "
    "bandwidth, and more. Run it under mpiexec; each pattern sweeps message sizes, times "
    "them (warm-up, synchronized ranks, batches far above the timer's cost), and reports "
    "per-size statistics with a confidence interval of the median.";

constexpr const char* app_footer = R"(Examples:
  mpiexec -n 2 mpibench pingpong                        0 B .. 4 MiB, table on stdout
  mpiexec -n 2 mpibench pingpong --sizes 1:64K -o r.csv
  mpiexec -n 2 mpibench bandwidth --sizes 4K,64K,1M --window 32
  mpiexec -n 4 mpibench bcast --sizes 1:1M -o bcast.csv
  mpiexec -n 3 mpibench scatter --sizes 8,4K,256K --root 2
  mpiexec -n 4 mpibench reduce --sizes 8:1M --op sum --type double --validate
  mpiexec -n 4 mpibench taskqueue --sizes 0:64K --prefetch 1,4 -o tq.csv
  mpiexec -n 4 mpibench taskqueue --work-us 0,10,100 --workers 1,2,3
  mpiexec -n 4 mpibench taskqueue --broker              client -> broker -> worker and back
  mpiexec -n 4 mpibench all -o all.csv                  every pattern the ranks allow
  mpibench list                                         the patterns and what each measures
  python3 plots/plot.py r.csv -o r.png                  latency and bandwidth against size

Exit status: 0 done; 1 the run failed after it started (the CSV keeps the finished rows and
ends with '# incomplete: ...'); 2 bad input, found before any output file is written.
Run 'mpibench PATTERN --help' for a pattern's options.)";

constexpr const char* default_sizes = "0:4M";
constexpr const char* default_task_sizes = "0:64K";  // task payloads are small

void add_common_options(CLI::App& sub, RawOptions& raw, const char* sizes_default) {
  sub.add_option("--sizes", raw.sizes,
                 "Message sizes in bytes: MIN:MAX (MIN, then doubling while <= MAX; 0 is "
                 "followed by 1) or a comma list; K, M, G mean KiB, MiB, GiB")
      ->type_name("SIZES")
      ->default_str(sizes_default);
  sub.add_option("-o,--output", raw.output,
                 "Write results as CSV to this file (metadata as '# key: value' lines, a "
                 "header row, one row per size, written as each size finishes)")
      ->type_name("FILE.csv");
  const auto count = CLI::Range(std::size_t{1}, std::size_t{100'000'000}).description("");
  auto* precision = sub.add_option(
      "--precision", raw.precision,
      "Stop a size once the 95% confidence interval of its median is within this of the "
      "median (relative half-width; 0.01 or 1%)")
      ->type_name("P")
      ->capture_default_str();
  auto* min_samples = sub.add_option("--min-samples", raw.min_samples,
                                     "Samples per size before the precision is first judged "
                                     "(a sample is one batch of operations between two clock reads)")
      ->check(count)
      ->type_name("N")
      ->capture_default_str();
  auto* max_samples = sub.add_option("--max-samples", raw.max_samples, "Samples per size, at most")
      ->check(count)
      ->type_name("N")
      ->capture_default_str();
  auto* max_time = sub.add_option("--max-time", raw.max_time_s,
                                  "Seconds of sampling per size at most (fractions allowed); a "
                                  "size stops at the precision, --max-samples or --max-time, "
                                  "whichever comes first")
      ->check(CLI::PositiveNumber.description(""))
      ->type_name("SECONDS")
      ->capture_default_str();
  auto* samples = sub.add_option("--samples", raw.samples,
                                 "Exactly this many samples per size (--min-samples = "
                                 "--max-samples = N)")
      ->check(count)
      ->type_name("N")
      ->excludes(min_samples)
      ->excludes(max_samples);
  sub.add_option("--iterations", raw.iterations,
                 "Fixed mode, to compare with OSU and IMB: exactly N timed operations per size "
                 "(grouped into samples as usual), after --warmup operations")
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
  sub.add_option("--repeat", raw.repeat,
                 "Run the whole sweep this many times, in a shuffled size order each time; rows "
                 "carry the repeat, and a summary gives the run-to-run spread of the medians")
      ->check(CLI::Range(1, 1000).description(""))
      ->type_name("R")
      ->capture_default_str();
  sub.add_option("--seed", raw.seed, "Seed of the size order shuffle for --repeat")
      ->type_name("S")
      ->capture_default_str();
  sub.add_flag("--drop-outliers", raw.drop_outliers,
               "Compute the statistics without the samples outside Tukey's fences (1.5 IQR "
               "beyond the quartiles); the outliers column counts them either way");
  sub.add_option("--warmup", raw.warmup_ops,
                 "Untimed operations per size, at least (default: 10 and 5 ms; warm-up also "
                 "runs until the batch size has settled)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000'000}).description(""))
      ->type_name("OPS");
  sub.add_flag("--validate", raw.validate,
               "Per size, also run operations with payloads derived from (rank, size, pass) "
               "and check every byte received; outside the timed samples");
  sub.add_option("--time-limit", raw.time_limit_s,
                 "Stop the whole run after this many seconds with exit 1 (default: derived "
                 "from the sweep, generously; a hung run always ends)")
      ->check(CLI::PositiveNumber.description(""))
      ->type_name("SECONDS");
  sub.add_option("--memory-limit", raw.memory_limit,
                 "Refuse to start when the buffers of a node's ranks would need more than this "
                 "(K, M, G suffixes); without it, 90% of the node's available memory")
      ->type_name("SIZE");
  sub.add_flag("-q,--quiet", raw.quiet, "No table on stdout (warnings and errors still print)");
  // Test only: proves that validation catches a corrupted payload.
  sub.add_flag("--corrupt-payload", raw.pattern.corrupt_payload, "")->group("");
}

void add_pattern_options(CLI::App& sub, const UsesOptions& uses, RawOptions& raw) {
  if (uses.root) {
    sub.add_option("--root", raw.pattern.root, "Rank that is the root of the collective")
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
    auto& o = raw.pattern;
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
        ->check(CLI::NonNegativeNumber.description(""))
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
        ->check(CLI::PositiveNumber.description(""))
        ->type_name("SECONDS")
        ->capture_default_str();
    // Test only: proves that lost and duplicated results are caught.
    sub.add_option("--inject-fault", o.inject_fault, "")
        ->check(CLI::IsMember({"lose", "duplicate"}))
        ->group("");
    sub.add_option("--tasks", raw.tasks,
                   "Tasks per configuration, at most (--max-time also ends a configuration; "
                   "the tasks in flight are always drained)")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000'000}).description(""))
        ->type_name("T")
        ->capture_default_str();
  }
  if (uses.window) {
    sub.add_option("--window", raw.pattern.window,
                   "Messages in flight per operation (one operation = a window of sends and "
                   "one acknowledgement)")
        ->check(CLI::Range(1, 4096).description(""))
        ->type_name("W")
        ->capture_default_str();
  }
}

std::string quoted_command_line(int argc, const char* const* argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i > 0) line += ' ';
    const bool plain = !arg.empty() && arg.find_first_of(" \t'\"\\$`*?;&|<>()") == std::string_view::npos;
    if (plain) {
      line += arg;
    } else {
      line += '\'';
      for (const char c : arg) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
      line += '\'';
    }
  }
  return line;
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::string known_patterns() {
  std::string names;
  for (const PatternEntry& entry : pattern_catalog()) names += fmt::format("{}, ", entry.name);
  return names + "all";
}

}  // namespace

std::string pattern_list_text() {
  std::string text = fmt::format("{:<12} {:>9}  {}\n", "pattern", "min_ranks", "measures");
  for (const PatternEntry& entry : pattern_catalog()) {
    text += fmt::format("{:<12} {:>9}  {}\n", entry.name, entry.min_ranks, entry.summary);
  }
  return text;
}

Command parse_command_line(int argc, const char* const* argv) {
  Command command;
  // An unknown word where the pattern goes gets its own message; CLI11's would be "the
  // following argument was not expected", which does not say what was expected.
  const std::string_view first = argc > 1 ? argv[1] : "";
  if (argc > 1 && first[0] != '-' && first != "list" && first != "all" &&
      find_pattern(first) == nullptr) {
    throw UsageError(fmt::format("unknown pattern '{}'; known patterns: {} (see 'mpibench list')",
                                 argv[1], known_patterns()));
  }
  if (argc > 1 && std::string_view(argv[1]) == "--version") {
    command.kind = Command::Kind::print;
    command.text = fmt::format("mpibench {}\n", build_info::version);
    return command;
  }

  CLI::App app(app_description, "mpibench");
  app.footer(app_footer);
  app.require_subcommand(1);
  bool version = false;  // handled before parsing; declared here so --help lists it
  app.add_flag("--version", version, "Print the version and exit");
  app.add_subcommand("list", "List the patterns and what each measures");
  RawOptions raw;
  for (const PatternEntry& entry : pattern_catalog()) {
    CLI::App* sub = app.add_subcommand(std::string(entry.name), std::string(entry.summary));
    add_common_options(*sub, raw, entry.options.tasks ? default_task_sizes : default_sizes);
    add_pattern_options(*sub, entry.options, raw);
  }
  CLI::App* all = app.add_subcommand(
      "all", "Every pattern the launched ranks allow, one after the other, into one CSV");
  add_common_options(*all, raw, default_sizes);
  add_pattern_options(*all, UsesOptions{.window = true, .root = true, .reduction = true, .tasks = true}, raw);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    command.kind = Command::Kind::print;
    command.text = app.help();
    return command;
  } catch (const CLI::CallForAllHelp&) {
    command.kind = Command::Kind::print;
    command.text = app.help("", CLI::AppFormatMode::All);
    return command;
  } catch (const CLI::RequiredError& e) {
    if (app.get_subcommands().empty()) {
      throw UsageError(fmt::format("no pattern given; choose one of: {} (see 'mpibench --help')",
                                   known_patterns()));
    }
    throw UsageError(one_line(e.what()));
  } catch (const CLI::ParseError& e) {
    throw UsageError(one_line(e.what()));
  }

  const CLI::App* chosen = app.get_subcommands().front();
  if (chosen->get_name() == "list") {
    command.kind = Command::Kind::list;
    return command;
  }
  RunConfig& config = command.config;
  if (chosen->get_name() == "all") {
    for (const PatternEntry& entry : pattern_catalog()) config.patterns.emplace_back(entry.name);
    config.skip_patterns_needing_more_ranks = true;
  } else {
    config.patterns = {chosen->get_name()};
  }
  const PatternEntry* single = find_pattern(chosen->get_name());
  const bool task_sizes = single != nullptr && single->options.tasks;
  config.sizes = parse_size_list(raw.sizes.empty() ? (task_sizes ? default_task_sizes : default_sizes)
                                                   : raw.sizes);
  config.tasks = raw.tasks;
  config.pattern_options = raw.pattern;
  config.pattern_options.op = reduce_op_named(raw.op);
  config.pattern_options.type = reduce_type_named(raw.type);
  config.min_samples = raw.samples.value_or(raw.min_samples);
  config.max_samples = raw.samples.value_or(raw.max_samples);
  config.precision = parse_precision(raw.precision);
  config.iterations = raw.iterations;
  config.drop_outliers = raw.drop_outliers;
  config.sync = raw.sync == "window" ? SyncMethod::window : SyncMethod::barrier;
  config.repeat = raw.repeat;
  config.seed = raw.seed;
  config.max_time_s = raw.max_time_s;
  if (raw.warmup_ops) {
    config.warmup_ops = *raw.warmup_ops;
    config.warmup_time_s = 0;
  }
  config.validate = raw.validate;
  if (!raw.memory_limit.empty()) config.memory_limit_bytes = parse_size(raw.memory_limit);
  if (!raw.output.empty()) config.output_csv = raw.output;
  if (raw.time_limit_s > 0) config.time_limit_s = raw.time_limit_s;
  config.quiet = raw.quiet;
  config.command_line = quoted_command_line(argc, argv);
  return command;
}

}  // namespace mpibench
