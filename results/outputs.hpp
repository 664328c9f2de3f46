#pragma once
// The one owner of every open output (CSV, JSON, the terminal table, any later format).
// Everything that ends a run, normally, on a failure or from a signal handler, goes through
// here: no other code writes a format's syntax or touches an output file.
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "results/async_endings.hpp"
#include "results/output_formats.hpp"
#include "results/output_target.hpp"
#include "results/schema.hpp"
#include "results/writer.hpp"

namespace mpibench {

struct OutputRequest {
  std::vector<OutputFile> files;  // in the order of file_formats()
  bool table = true;              // on stdout, unless another output is stdout
  RowPlan plan = {};
};

// Throws OutputRefused when one of `files` (or the .partial it is written as) is one of
// `inputs`: a command must not overwrite what it reads.
void refuse_outputs_naming(const std::vector<OutputFile>& files, const std::vector<std::string>& inputs);

class Outputs {
 public:
  Outputs() = default;
  // Opens every requested output, or throws OutputRefused having created and deleted nothing
  // (two outputs naming one file, a directory, a FIFO nobody reads, another run's file...).
  static Outputs open(const OutputRequest& request);

  // What a signal handler writes for each way of stopping (by AsyncStop), published again
  // whenever the endings change.
  void set_async_reasons(const std::array<std::string, async_stop_kinds>& reasons);

  // Each throws OutputFailed when a write fails (a full disk, a closed pipe).
  void begin(const Metadata& metadata, std::span<const Column> columns);
  void row(const Record& record);  // std::logic_error for a column the run did not declare
  void note(std::string_view key, std::string_view text);
  void aggregates(std::span<const RepeatAggregate> all);
  // Complete: each output ends, is flushed to disk and takes its name.
  void finish_complete();
  // Stopped early: each output ends with `reason` and keeps its .partial name. Best effort,
  // never throws (the disk may be what failed).
  void finish_incomplete(std::string_view reason) noexcept;

  // Nothing was written after all (the work they were opened for was refused): the
  // .partial files this run created are removed, as if it had never opened them.
  void abandon() noexcept;

  // Where the results are kept while the run is going ("r.csv.partial and r.json.partial"),
  // for error lines; empty when nothing goes to a file.
  std::string kept_in() const;

 private:
  struct Open {
    OutputTarget target;
    std::unique_ptr<Writer> writer;
  };
  void write_each(const std::function<std::string(Writer&)>& text);
  void publish() const;

  std::vector<Open> open_;
  std::vector<Column> columns_;
  std::array<std::string, async_stop_kinds> reasons_;
  bool finished_ = false;
};

}  // namespace mpibench
