// `mpibench model`: Hockney's alpha-beta model fitted to pingpong results, regime by regime.
// It reads results and never initializes MPI.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

#include "toolkit/errors.hpp"
#include "cli/offline_command.hpp"
#include "cli/option_groups.hpp"
#include "cli/subcommand.hpp"
#include "analyses/collective_prediction.hpp"
#include "results/output_formats.hpp"
#include "results/outputs.hpp"
#include "analyses/point_to_point_model.hpp"
#include "results/schema.hpp"
#include "results/units.hpp"

namespace mpibench {
namespace {

struct ModelRequest {
  std::vector<std::string> launches;     // pingpong (and reduce_local) results, one file per launch
  std::vector<std::string> predict;      // collective results to predict
  std::vector<OutputFile> output_files;  // the fitted segments
  std::string command_line;
};

struct ModelOptions {
  ModelRequest request;
  std::map<std::string, std::string, std::less<>> output_paths;
};

constexpr const char* model_help =
    "Fit Hockney's model T(m) = alpha + beta*m to pingpong results (one-way latency), piecewise "
    "over the MPI library's protocol regimes (eager, rendezvous, ...): the breakpoints are found "
    "from the data, the number of regimes chosen by the Bayesian information criterion. Each "
    "file is one launch; with several, the medians over launches are fitted and each parameter's "
    "interval is its range over the launches' own fits. Reports alpha, beta, 1/beta (bandwidth), "
    "Hockney's n1/2 = alpha/beta and the residuals. With --predict, the collectives' cost models "
    "(binomial trees, recursive doubling, rings, ...) evaluated with the fitted alpha and beta, "
    "against the measured times of runs that pinned MPICH's algorithm.";

// A residual beyond which the fit is said not to describe the data.
constexpr double poor_fit = 0.25;

std::string interval(const Estimate& e, double scale, int decimals) {
  return fmt::format("{:.{}f} [{:.{}f}, {:.{}f}]", e.value * scale, decimals, e.low * scale, decimals,
                     e.high * scale, decimals);
}

void print_model(const PointToPointModel& m) {
  fmt::print("{} ({} launch{}, {} sizes from {} to {})\n", m.configuration, m.launches, m.launches == 1 ? "" : "es",
             m.points.size(), Bytes{static_cast<std::uint64_t>(m.points.front().bytes)},
             Bytes{static_cast<std::uint64_t>(m.points.back().bytes)});
  fmt::print("  {:<3} {:>21} {:>28} {:>28} {:>12} {:>12}\n", "#", "sizes", "alpha_us", "beta_ns_per_byte", "1/beta_MB_s",
             "n_half");
  bool negative = false;
  for (std::size_t s = 0; s < m.segments.size(); ++s) {
    const ModelSegment& g = m.segments[s];
    const std::string sizes = fmt::format("{} .. {}", Bytes{static_cast<std::uint64_t>(g.fit.first_bytes)},
                                          Bytes{static_cast<std::uint64_t>(g.fit.last_bytes)});
    const bool intercept = g.alpha_us.value > 0;
    fmt::print("  {:<3} {:>21} {:>28}{} {:>28} {:>12.0f} {:>12}\n", s + 1, sizes, interval(g.alpha_us, 1, 3),
               intercept ? " " : "*", interval(g.beta_us_per_byte, 1000, 4), g.bandwidth_mb_s(),
               intercept ? approximate(Bytes{static_cast<std::uint64_t>(g.n_half_bytes())}) : "-");
    negative = negative || !intercept;
  }
  if (negative) {
    fmt::print("  * a negative intercept: this regime's time grows faster than the one before it (for "
               "example, messages no longer fit in cache); its alpha is an extrapolation, only beta describes it\n");
  }
  if (m.segments.size() > 1) {
    std::string cuts;
    for (std::size_t s = 1; s < m.segments.size(); ++s) {
      cuts += fmt::format("{}{}", cuts.empty() ? "" : ", ", Bytes{static_cast<std::uint64_t>(m.segments[s].fit.first_bytes)});
    }
    fmt::print("  regimes change at {} (chosen by BIC among 1 to 4 regimes)\n", cuts);
  }
  fmt::print("  fit: relative residuals rms {:.1f}%, largest {:.1f}% (at {}); intervals: {}\n",
             m.fit.rms_relative_residual * 100, m.fit.max_relative_residual * 100,
             Bytes{static_cast<std::uint64_t>(m.fit.worst_bytes)}, spread_text(m.launches));
  if (m.fit.max_relative_residual > poor_fit) {
    fmt::print(stderr,
               "mpibench: warning: {}: the model misses {} by {:.0f}%: it does not describe that size. "
               "An outlier does this (one launch in the machine's slow regime, or a size whose times "
               "are bimodal): look at that size's rows, and fit the medians of more launches.\n",
               m.configuration, Bytes{static_cast<std::uint64_t>(m.fit.worst_bytes)}, m.fit.max_relative_residual * 100);
  }
}

std::string fit_text(const PointToPointModel& m) {
  std::string text;
  for (const ModelSegment& g : m.segments) {
    text += fmt::format("{}{} .. {}: alpha {:.4g} us, beta {:.4g} us/B", text.empty() ? "" : "; ",
                        Bytes{static_cast<std::uint64_t>(g.fit.first_bytes)},
                        Bytes{static_cast<std::uint64_t>(g.fit.last_bytes)}, g.fit.alpha_us, g.fit.beta_us_per_byte);
  }
  return text;
}

void print_predictions(const PredictionReport& report, const PointToPointModel& basis) {
  fmt::print("predicted from {} and the measured gamma, against measured (median_us)\n", basis.configuration);
  fmt::print("  {:<10} {:>5} {:<38} {:>10} {:>12} {:>12} {:>7}\n", "pattern", "ranks", "algorithm", "bytes",
             "predicted_us", "measured_us", "ratio");
  for (const Prediction& p : report.rows) {
    fmt::print("  {:<10} {:>5} {:<38} {:>10} {:>12.4g} {:>12.4g} {:>7.3f}\n", p.pattern, p.ranks, p.algorithm, p.bytes,
               p.predicted_us, p.measured_us, p.ratio);
  }
}

void write_predictions(Outputs& outputs, const PredictionReport& report, const PointToPointModel& basis,
                       const ModelRequest& r) {
  if (r.output_files.empty()) return;
  std::string inputs;
  for (const auto& f : r.launches) inputs += (inputs.empty() ? "" : " ") + f;
  std::string predicted;
  for (const auto& f : r.predict) predicted += (predicted.empty() ? "" : " ") + f;
  const Metadata metadata{{"schema_version", schema_version},
                          {"command_line", r.command_line},
                          {"launches", inputs},
                          {"predicted", predicted},
                          {"model", fmt::format("{}: {}", basis.configuration, fit_text(basis))},
                          {"columns", columns_metadata(prediction_columns())}};
  outputs.begin(metadata, prediction_columns());
  for (const Prediction& p : report.rows) {
    Record row;
    row.set("pattern", p.pattern)
        .set("ranks", p.ranks)
        .set("algorithm", p.algorithm)
        .set("bytes", p.bytes)
        .set("predicted_us", p.predicted_us)
        .set("measured_us", p.measured_us)
        .set("ratio", p.ratio);
    outputs.row(row);
  }
  for (const std::string& note : report.notes) outputs.note("not_predicted", note);
  outputs.finish_complete();
}

void write_models(Outputs& outputs, const std::vector<PointToPointModel>& models, const ModelRequest& r) {
  if (r.output_files.empty()) return;
  std::string inputs;
  for (const auto& f : r.launches) inputs += (inputs.empty() ? "" : " ") + f;
  const Metadata metadata{{"schema_version", schema_version},
                          {"command_line", r.command_line},
                          {"launches", inputs},
                          {"model", "hockney: T(m) = alpha + beta*m per regime; weighted least squares on relative error; regimes by BIC"},
                          {"columns", columns_metadata(model_columns())}};
  outputs.begin(metadata, model_columns());
  for (const PointToPointModel& m : models) {
    for (std::size_t s = 0; s < m.segments.size(); ++s) {
      const ModelSegment& g = m.segments[s];
      Record row;
      row.set("configuration", m.configuration)
          .set("segment", static_cast<std::int64_t>(s + 1))
          .set("first_bytes", static_cast<std::int64_t>(g.fit.first_bytes))
          .set("last_bytes", static_cast<std::int64_t>(g.fit.last_bytes))
          .set("points", static_cast<std::int64_t>(g.fit.points))
          .set("launches", static_cast<std::int64_t>(m.launches))
          .set("alpha_us", g.alpha_us.value)
          .set("alpha_low_us", g.alpha_us.low)
          .set("alpha_high_us", g.alpha_us.high)
          .set("beta_us_per_byte", g.beta_us_per_byte.value)
          .set("beta_low_us_per_byte", g.beta_us_per_byte.low)
          .set("beta_high_us_per_byte", g.beta_us_per_byte.high)
          .set("bandwidth_mb_s", g.bandwidth_mb_s())
          .set("n_half_bytes", g.n_half_bytes())
          .set("rms_residual", m.fit.rms_relative_residual)
          .set("max_residual", m.fit.max_relative_residual);
      outputs.row(row);
    }
  }
  outputs.finish_complete();
}

void add_model_options(CLI::App& sub, ModelOptions& o) {
  sub.add_option("launches", o.request.launches,
                 "pingpong results, one file per launch (and reduce_local results, for --predict)")
      ->required()
      ->type_name("FILE...");
  sub.add_option("--predict", o.request.predict,
                 "Collective results (bcast, scatter, gather, reduce, allreduce, allgather, alltoall) "
                 "to predict from the model; their runs must pin MPICH's algorithm "
                 "(MPIR_CVAR_<PATTERN>_INTRA_ALGORITHM)")
      ->type_name("FILE...");
  add_output_options(sub, o.output_paths, "the fitted regimes");
}

ModelRequest finish_model_request(ModelOptions o, std::string command_line) {
  ModelRequest request = std::move(o.request);
  request.output_files = output_files(o.output_paths);
  request.command_line = std::move(command_line);
  return request;
}

// Prints the fits (and the predictions, with --predict) and writes them when asked: the
// predictions when there are any, with the fit in their metadata; the fitted regimes
// otherwise. Returns the exit code: 0, 2 unusable input, 1 when an output cannot be written.
int run_model(const ModelRequest& request) {
  std::vector<PointToPointModel> models;
  PredictionReport predictions;
  const auto compute = [&] {
      std::vector<ResultFile> files;
      for (const std::string& path : request.launches) files.push_back(read_result_file(path));
      std::vector<ResultFile> measured;
      for (const std::string& path : request.predict) measured.push_back(read_result_file(path));
      refuse_repeated_launches({files, measured});
      // Files of pingpong launches are fitted; others (reduce_local) only give gamma.
      std::vector<ResultFile> launches;
      for (const ResultFile& file : files) {
        const auto pattern = file.column("pattern");
        if (pattern && std::any_of(file.rows.begin(), file.rows.end(),
                                   [&](const auto& row) { return is_ping_pong(row[*pattern]); })) {
          launches.push_back(file);
        }
      }
      if (launches.empty()) launches = files;  // for the message that says what is missing
      models = fit_point_to_point(launches);
      if (!request.predict.empty()) {
        predictions = predict_collectives(models.front().fit, fit_gamma(files), measured);
        if (predictions.rows.empty()) {
          throw UnusableInput(predictions.notes.empty()
                                  ? std::string("--predict: no collective rows in the files given")
                                  : predictions.notes.front());
        }
      }
  };
  const auto report = [&](Outputs& outputs) {
    for (const PointToPointModel& m : models) print_model(m);
    if (request.predict.empty()) {
      write_models(outputs, models, request);
      return static_cast<int>(exit_ok);
    }
    print_predictions(predictions, models.front());
    for (const std::string& note : predictions.notes) fmt::print(stderr, "mpibench: note: {}\n", note);
    write_predictions(outputs, predictions, models.front(), request);
    return static_cast<int>(exit_ok);
  };
  std::vector<std::string> inputs(request.launches);
  inputs.insert(inputs.end(), request.predict.begin(), request.predict.end());
  return run_offline_command(inputs, request.output_files, compute, report);
}

}  // namespace

Subcommand model_command() {
  return Subcommand{
      .name = "model",
      .summary = "fit Hockney's alpha-beta model to pingpong results, regime by regime, and predict "
                 "collectives from it (runs without mpiexec)",
      .description = model_help,
      .examples = {{"mpiexec -n 2 mpibench pingpong --sizes 0:4M -q -o pp.csv", "the launch to fit"},
                   {"mpibench model pp.csv", "alpha, beta and n1/2 of each regime"},
                   {"mpibench model pp-*.csv -o fit.csv", "several launches: each parameter's range over them"},
                   {"MPIR_CVAR_BCAST_INTRA_ALGORITHM=binomial mpiexec -n 4 mpibench bcast -q -o bcast.csv",
                    "a collective with its algorithm pinned (MPICH)"},
                   {"mpibench model pp.csv --predict bcast.csv", "the binomial tree's cost against the measured times"}},
      .notes = "Exit status: 0 fitted; 1 an output could not be written; 2 unusable input, nothing written.",
      .guide = "models.md",
      .needs_mpi = false,
      .declare = declare_offline(add_model_options, finish_model_request, run_model),
  };
}

}  // namespace mpibench
