#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "results/record.hpp"
#include "results/repeat_aggregates.hpp"
#include "results/schema.hpp"

namespace mpibench {

// One output format. A writer only formats: each call returns the text to append, and
// results/outputs.cpp, the one owner of every open output, writes it and checks the write.
// The columns are fixed at begin() (for a run of several patterns, the union of theirs).
class Writer {
 public:
  virtual ~Writer() = default;
  virtual std::string begin(const Metadata& metadata, std::span<const Column> columns) = 0;
  virtual std::string row(const Record& record) = 0;
  // A remark about the run as a whole (a summary line), after the rows.
  virtual std::string note(std::string_view key, std::string_view text) = 0;
  // The aggregates over repeats, once every repeat is in (only a complete run with --repeat
  // has them): by default, a `repeat_spread` note each.
  virtual std::string aggregates(std::span<const RepeatAggregate> all) {
    std::string text;
    for (const RepeatAggregate& aggregate : all) text += note("repeat_spread", to_string(aggregate));
    return text;
  }
  // The end of the output: complete, or stopped early for `incomplete_reason`. Const, so it
  // can be rendered ahead of time for a signal handler to write.
  virtual std::string finish(std::optional<std::string_view> incomplete_reason) const = 0;
};

}  // namespace mpibench
