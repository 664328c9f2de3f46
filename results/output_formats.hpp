#pragma once
// The file formats a run (and `mpibench compare`) can write: one line each in
// output_formats.cpp, with the option that asks for it and the writer that formats it.
// The command line offers an option per line; Outputs opens what was asked for.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "results/writer.hpp"

namespace mpibench {

// What a writer is told of the rows to come before the first (a format whose every row says
// how many repetitions its benchmark has must know before it writes one).
struct RowPlan {
  int repeats = 1;  // --repeat: each configuration's rows
};

struct OutputFormat {
  std::string_view flags;      // as CLI11 takes them: "-o,--output"
  std::string_view type_name;  // "FILE.csv"
  std::string_view what;       // "CSV", for help texts that only name the format
  std::string_view help;       // a run's --help
  std::unique_ptr<Writer> (*make)(const RowPlan& plan);

  // The option as messages name it: the first of its flags ("-o").
  std::string_view option() const { return flags.substr(0, flags.find(',')); }
};

std::span<const OutputFormat> file_formats();

// One output file asked for: its format and path ("-" for stdout).
struct OutputFile {
  const OutputFormat* format;
  std::string path;
};

}  // namespace mpibench
