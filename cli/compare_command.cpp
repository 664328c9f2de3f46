// `mpibench compare`: the regression gate. It reads results and never initializes MPI.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

#include "toolkit/errors.hpp"
#include "cli/offline_command.hpp"
#include "cli/option_groups.hpp"
#include "cli/precision.hpp"
#include "cli/subcommand.hpp"
#include "analyses/comparison.hpp"
#include "results/output_errors.hpp"
#include "results/output_formats.hpp"
#include "results/outputs.hpp"
#include "results/result_file.hpp"
#include "results/schema.hpp"

namespace mpibench {
namespace {

struct CompareRequest {
  std::vector<std::string> baseline;   // one file per launch
  std::vector<std::string> candidate;
  CompareSettings settings;
  std::vector<OutputFile> output_files;  // the verdicts
  std::string command_line;
};

// What CLI11 fills; finish_compare_request() checks and converts it.
struct CompareOptions {
  CompareRequest request;
  std::string threshold = "5%";
  std::string correction = "bh";
  std::map<std::string, std::string, std::less<>> output_paths;
};

constexpr const char* compare_help =
    "Compare a candidate's launches with a baseline's and say which configurations got slower. "
    "Each file is one launch (CSV or JSON as mpibench writes it; --repeat rows inside it count as "
    "one launch); interleave the launches of the two sides so that drift hits both alike. Per "
    "configuration and size: an exact one-sided Mann-Whitney test on the launches' medians (log "
    "scale), the Hodges-Lehmann change with its Moses interval, and a correction over every row "
    "compared. Use 8 launches a side for one pattern, 10 for 'all'.";

std::string percent(double fraction) { return fmt::format("{:+.1f}%", fraction * 100); }

void print_table(const Comparison& c, const CompareRequest& r) {
  std::size_t width = 13;
  for (const Verdict& v : c.rows) width = std::max(width, v.configuration.size());
  fmt::print("{:<{}} {:>9} {:>12} {:>12} {:>27} {:>8}  verdict\n", "configuration", width, "bytes",
             "baseline_us", "candidate_us", "change [interval]", "q");
  for (const Verdict& v : c.rows) {
    const std::string change = r.settings.single_launch && v.change_level == 0
                                   ? percent(v.change)
                                   : fmt::format("{} [{}, {}]", percent(v.change), percent(v.change_low),
                                                 percent(v.change_high));
    fmt::print("{:<{}} {:>9} {:>12.4g} {:>12.4g} {:>27} {:>8.2g}  {}\n", v.configuration, width, v.bytes,
               v.baseline_us, v.candidate_us, change, v.q, v.verdict);
  }
  for (const std::string& row : c.only_in_baseline) fmt::print("only in the baseline: {}\n", row);
  for (const std::string& row : c.only_in_candidate) fmt::print("only in the candidate: {}\n", row);
  double lowest = 1;
  for (const Verdict& v : c.rows) lowest = std::min(lowest, v.change_level);
  const bool intervals = !c.rows.empty() && c.rows.front().change_level > 0;
  fmt::print("{} rows compared, {} baseline and {} candidate launches, {} correction, alpha {:g}, threshold "
             "{:g}%{}: {} regression{}, {} improvement{}\n",
             c.rows.size(), r.baseline.size(), r.candidate.size(),
             r.settings.correction == Correction::holm ? "Holm" : "Benjamini-Hochberg", r.settings.alpha,
             r.settings.threshold * 100,
             intervals ? fmt::format("; intervals cover at least {:.2f}%", lowest * 100) : "",
             c.regressions, c.regressions == 1 ? "" : "s", c.improvements, c.improvements == 1 ? "" : "s");
}

void write_verdicts(Outputs& outputs, const Comparison& c, const CompareRequest& r) {
  if (r.output_files.empty()) return;
  std::string inputs;
  for (const auto& f : r.baseline) inputs += (inputs.empty() ? "" : " ") + f;
  std::string candidates;
  for (const auto& f : r.candidate) candidates += (candidates.empty() ? "" : " ") + f;
  const Metadata metadata{{"schema_version", schema_version},
                          {"command_line", r.command_line},
                          {"baseline", inputs},
                          {"candidate", candidates},
                          {"threshold", fmt::format("{:g}", r.settings.threshold)},
                          {"alpha", fmt::format("{:g}", r.settings.alpha)},
                          {"correction", r.settings.correction == Correction::holm ? "holm" : "bh"},
                          {"columns", columns_metadata(verdict_columns())}};
  outputs.begin(metadata, verdict_columns());
  for (const Verdict& v : c.rows) {
    Record row;
    row.set("configuration", v.configuration)
        .set("bytes", v.bytes)
        .set("baseline_launches", static_cast<std::int64_t>(v.baseline_launches))
        .set("candidate_launches", static_cast<std::int64_t>(v.candidate_launches))
        .set("baseline_us", v.baseline_us)
        .set("candidate_us", v.candidate_us)
        .set("change", v.change)
        .set("change_low", v.change_low)
        .set("change_high", v.change_high)
        .set("change_level", v.change_level)
        .set("p", v.p)
        .set("q", v.q)
        .set("verdict", v.verdict);
    outputs.row(row);
  }
  outputs.finish_complete();
}

void add_compare_options(CLI::App& sub, CompareOptions& o) {
  sub.add_option("--baseline", o.request.baseline, "The baseline's launches, one file each")
      ->required()
      ->type_name("FILE...");
  sub.add_option("--candidate", o.request.candidate, "The candidate's launches, one file each")
      ->required()
      ->type_name("FILE...");
  sub.add_option("--threshold", o.threshold, "Smallest change that counts (0.05 or 5%)")
      ->type_name("T")
      ->capture_default_str();
  sub.add_option("--alpha", o.request.settings.alpha,
                 "Largest corrected p (q) of a regression or improvement")
      ->check(number_in(0, 0.5, true))
      ->type_name("A")
      ->capture_default_str();
  sub.add_option("--correction", o.correction,
                 "Over all rows compared: bh (Benjamini-Hochberg, false discovery rate) or holm "
                 "(family-wise error)")
      ->check(CLI::IsMember({"bh", "holm"}).description(""))
      ->type_name("C")
      ->capture_default_str();
  sub.add_flag("--single-launch", o.request.settings.single_launch,
               "With one launch a side: flag a row when the change passes the threshold and the two "
               "95% intervals of the median do not overlap (expect false alarms: one launch's "
               "interval is far narrower than the launch-to-launch spread)");
  add_output_options(sub, o.output_paths, "the verdicts");
}

CompareRequest finish_compare_request(CompareOptions o, std::string command_line) {
  CompareRequest request = std::move(o.request);
  request.settings.threshold = parse_fraction(o.threshold, "--threshold", 10);
  request.settings.correction = o.correction == "holm" ? Correction::holm : Correction::benjamini_hochberg;
  request.output_files = output_files(o.output_paths);
  request.command_line = std::move(command_line);
  return request;
}

// Prints the verdict table and writes the verdicts when asked. Returns the exit code: 0 no
// regression, 1 a regression, 2 unusable input; 1 also when a verdict file cannot be written.
int run_compare(const CompareRequest& request) {
  Comparison comparison;
  const auto compute = [&] {
    std::vector<ResultFile> baseline, candidate;
    for (const std::string& path : request.baseline) baseline.push_back(read_result_file(path));
    for (const std::string& path : request.candidate) candidate.push_back(read_result_file(path));
    refuse_repeated_launches({baseline, candidate});
    comparison = compare_launches(baseline, candidate, request.settings);
  };
  const auto report = [&](Outputs& outputs) {
    for (const std::string& w : comparison.warnings) fmt::print(stderr, "mpibench: warning: {}\n", w);
    if (request.settings.single_launch && (request.baseline.size() == 1 || request.candidate.size() == 1)) {
      fmt::print(stderr,
                 "mpibench: warning: one launch a side: verdicts compare confidence intervals within one "
                 "launch, which are far narrower than the spread between launches; false alarms are "
                 "likely (use 8 launches a side)\n");
    }
    print_table(comparison, request);
    write_verdicts(outputs, comparison, request);
    return comparison.regressions > 0 ? 1 : 0;
  };
  std::vector<std::string> inputs(request.baseline);
  inputs.insert(inputs.end(), request.candidate.begin(), request.candidate.end());
  return run_offline_command(inputs, request.output_files, compute, report);
}

}  // namespace

Subcommand compare_command() {
  return Subcommand{
      .name = "compare",
      .summary = "compare a candidate's launches with a baseline's: the regression gate (runs without mpiexec)",
      .description = compare_help,
      .examples =
          {{"for i in 1 2 3 4 5 6 7 8; do\n"
            "  mpiexec -n 2 ./old/mpibench pingpong -q -o base-$i.csv\n"
            "  mpiexec -n 2 ./new/mpibench pingpong -q -o cand-$i.csv\n"
            "done",
            "8 launches a side, interleaved, so that drift hits both alike"},
           {"mpibench compare --baseline base-*.csv --candidate cand-*.csv", "exit 1 on a regression"},
           {"mpibench compare --baseline base-*.csv --candidate cand-*.csv --threshold 10% -o verdicts.csv",
            "only changes of 10% or more count; the verdicts as CSV"},
           {"mpibench compare --baseline a.csv --candidate b.csv --single-launch",
            "one launch a side: intervals, not a test (false alarms likely)"}},
      .notes = "Exit status: 0 no regression; 1 a regression (or a verdict file that could not be written); "
               "2 unusable input (incomplete or damaged files, too few launches), nothing written.",
      .guide = "ci.md",
      .needs_mpi = false,
      .declare = declare_offline(add_compare_options, finish_compare_request, run_compare),
  };
}

}  // namespace mpibench
