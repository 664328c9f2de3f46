#include "cli/option_groups.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "cli/size_list.hpp"

namespace mpibench {

// CLI11 reads "nan" and "inf" as numbers, and its Range and PositiveNumber let NaN through
// (every comparison with NaN is false): a NaN --max-time would disable the time limit, a NaN
// --alpha every verdict. Every real number is read through this.
CLI::Validator number_in(double min, double max, bool min_excluded) {
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(text, value) || !std::isfinite(value)) {
          return fmt::format("'{}' is not a finite number", text);
        }
        const bool below = min_excluded ? !(value > min) : value < min;
        if (below || value > max) {
          const std::string low = std::isfinite(min) ? fmt::format("{} {:g}", min_excluded ? "above" : "at least", min) : "";
          const std::string high = std::isfinite(max) ? fmt::format("at most {:g}", max) : "";
          return fmt::format("'{}' must be {}{}{}", text, low, !low.empty() && !high.empty() ? " and " : "", high);
        }
        return {};
      },
      "");
}

namespace {

const CLI::Validator positive = number_in(0, std::numeric_limits<double>::infinity(), true);

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

// A number of bytes as --sizes reads one ("64K", "1M"), rewritten to its count before the
// option's own range check.
const CLI::Validator byte_count(
    [](std::string& text) -> std::string {
      try {
        text = std::to_string(parse_size(text));
      } catch (const std::exception& e) {
        return e.what();
      }
      return {};
    },
    "");

// The CLI11 check of a declared option: a range, a sign, or a set of words.
CLI::Validator check_of(const PatternOption& option) {
  const bool whole = option.kind == OptionKind::integer || option.kind == OptionKind::integer_list;
  const bool real = option.kind == OptionKind::real || option.kind == OptionKind::real_list;
  if (!option.choices.empty()) {
    std::vector<std::string> words;
    std::string_view rest = option.choices;
    while (!rest.empty()) {
      const auto space = rest.find(' ');
      words.emplace_back(rest.substr(0, space));
      rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    }
    return CLI::IsMember(words).description("");
  }
  if (real) return number_in(std::isfinite(option.min) ? option.min : 0, option.max, option.min_excluded);
  if (whole && std::isfinite(option.max)) {
    return CLI::Range(static_cast<std::int64_t>(option.min), static_cast<std::int64_t>(option.max))
        .description("");
  }
  if (whole && option.min >= 1) return CLI::PositiveNumber.description("");
  if (whole && option.min >= 0) return CLI::NonNegativeNumber.description("");
  return CLI::Validator();
}

template <class T>
CLI::Option* bind(CLI::App& sub, const PatternOption& option, OptionValue& slot) {
  return sub.add_option(std::string(option.flags), std::get<T>(slot), std::string(option.help));
}

}  // namespace

void add_pattern_options(CLI::App& sub, std::span<const PatternOption* const> options, RawOptions& raw) {
  for (const PatternOption* option : options) {
    auto [slot, added] = raw.pattern_values.try_emplace(std::string(option->name()),
                                                       parse_option_value(*option, option->default_text));
    OptionValue& value = slot->second;
    CLI::Option* made = nullptr;
    switch (option->kind) {
      case OptionKind::flag:
        made = sub.add_flag(std::string(option->flags), std::get<bool>(value), std::string(option->help));
        break;
      case OptionKind::integer: made = bind<std::int64_t>(sub, *option, value); break;
      case OptionKind::real: made = bind<double>(sub, *option, value); break;
      case OptionKind::text: made = bind<std::string>(sub, *option, value); break;
      case OptionKind::integer_list:
        made = bind<std::vector<std::int64_t>>(sub, *option, value)->delimiter(',');
        break;
      case OptionKind::real_list:
        made = bind<std::vector<double>>(sub, *option, value)->delimiter(',');
        break;
    }
    if (option->bytes) made->transform(byte_count);
    if (option->kind != OptionKind::flag) made->check(check_of(*option));
    if (!option->type_name.empty()) made->type_name(std::string(option->type_name));
    if (!option->default_text.empty() && option->kind != OptionKind::flag) {
      made->default_str(std::string(option->default_text));
    }
    if (option->hidden()) made->group("");
  }
}

std::string percent(double fraction) { return fmt::format("{:g}%", fraction * 100); }

void add_output_options(CLI::App& sub, std::map<std::string, std::string, std::less<>>& paths,
                        const char* what_is_written) {
  for (const OutputFormat& format : file_formats()) {
    const std::string help = what_is_written == nullptr
                                 ? std::string(format.help)
                                 : fmt::format("Also write {} as {} to this file", what_is_written, format.what);
    sub.add_option(std::string(format.flags), paths[std::string(format.option())], help)
        ->type_name(std::string(format.type_name));
  }
}

std::vector<OutputFile> output_files(const std::map<std::string, std::string, std::less<>>& paths) {
  std::vector<OutputFile> files;
  for (const OutputFormat& format : file_formats()) {
    const auto path = paths.find(format.option());
    if (path != paths.end() && !path->second.empty()) files.push_back({&format, path->second});
  }
  return files;
}

void add_common_options(CLI::App& sub, RawOptions& raw, std::string_view sizes_default) {
  const RunConfig defaults;
  auto* sizes = sub.add_option("--sizes", raw.sizes,
                                "Message sizes in bytes: MIN:MAX (MIN, then doubling while <= MAX; 0 is "
                                "followed by 1) or a comma list; K, M, G mean KiB, MiB, GiB")
      ->type_name("SIZES")
      ->default_str(std::string(sizes_default));
  sub.add_option("-m", raw.osu_sizes, "As OSU's -m: MAX (meaning 0:MAX) or MIN:MAX")
      ->type_name("[MIN:]MAX")
      ->excludes(sizes);
  add_output_options(sub, raw.output_paths, nullptr);
  const auto count = CLI::Range(std::size_t{1}, std::size_t{100'000'000}).description("");
  auto* precision = sub.add_option(
      "--precision", raw.precision,
      "Stop a size once the 95% confidence interval of its median is within this of the "
      "median (relative half-width; 0.01 or 1%)")
      ->type_name("P")
      ->default_str(percent(defaults.precision));
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
      ->default_str(defaults.sync == SyncMethod::window ? "window" : "barrier");
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
                 fmt::format("Untimed operations per size, at least (default: {} and {:g} ms, or fewer "
                             "once a quarter of --max-time has passed; warm-up also runs until the "
                             "batch size has settled) (OSU -x)",
                             defaults.warmup_ops, defaults.warmup_time_s * 1e3))
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000'000}).description(""))
      ->type_name("OPS");
  sub.add_flag("-c,--validate", raw.config.validate,
               "Per size, also run operations with payloads derived from (rank, size, pass) "
               "and check every byte received; outside the timed samples (OSU -c)");
  sub.add_option("--time-limit", raw.time_limit_s,
                 "Stop the whole run after this many seconds (wall time) with exit 1 (default: "
                 "none, but a run that makes no progress for 30 s + 2 x --max-time + 10 x its "
                 "longest step so far ends, so a hung run always ends and a slow one does not; "
                 "an hour in fixed mode; none under SimGrid, whose wall time grows with the "
                 "simulated ranks)")
      ->check(positive)
      ->type_name("SECONDS");
  sub.add_option("--memory-limit", raw.memory_limit,
                 "Refuse to start when the buffers of a node's ranks would need more than this "
                 "(K, M, G suffixes); without it, 90% of the node's available memory")
      ->type_name("SIZE");
  sub.add_flag("-q,--quiet", raw.config.quiet, "No table on stdout (warnings and errors still print)");
  // Test only: proves that validation catches a corrupted payload.
  sub.add_flag("--corrupt-payload", raw.config.corrupt_payload, "")->group("");
}

}  // namespace mpibench
