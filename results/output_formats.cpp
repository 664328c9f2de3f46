#include "results/output_formats.hpp"

#include <type_traits>

#include "results/benchmark_json_writer.hpp"
#include "results/csv_writer.hpp"

namespace mpibench {
namespace {

template <class W>
std::unique_ptr<Writer> make_writer(const RowPlan& plan) {
  if constexpr (std::is_constructible_v<W, const RowPlan&>) {
    return std::make_unique<W>(plan);
  } else {
    return std::make_unique<W>();
  }
}

const OutputFormat formats[] = {
    {"-o,--output", "FILE.csv", "CSV",
     "Write results as CSV to this file (- for stdout): metadata as '# key: value' lines, a header "
     "row, one row per size as it finishes, and an end line; written as FILE.partial until the "
     "run completes",
     make_writer<CsvWriter>},
    {"--json", "FILE.json", "JSON",
     "Also write results in Google Benchmark's JSON format, which its compare.py reads (median as "
     "real_time in ns, every column as a field)",
     make_writer<BenchmarkJsonWriter>},
};

}  // namespace

std::span<const OutputFormat> file_formats() { return formats; }

}  // namespace mpibench
