#pragma once
// Reads what mpibench wrote, for the commands that work on results without MPI (compare).
// Roles and types come from the file's own `columns` line, as in plots/mpibench_csv.py.
#include <initializer_list>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "results/record.hpp"
#include "results/schema.hpp"

namespace mpibench {

// A file that is not a whole, complete mpibench result; the message is one line for the user.
class UnusableInput : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ReadColumn {
  std::string name;
  ColumnRole role;
  std::string unit;
  ColumnType type;
};

struct ResultFile {
  std::string path;
  Metadata metadata;
  std::vector<ReadColumn> columns;
  std::vector<std::vector<std::string>> rows;  // cells as written; "" where none applies

  // The index of `name` among the columns, if the file has it.
  std::optional<std::size_t> column(std::string_view name) const;
};

// The complete result in `path` (an incomplete run or a .partial file is unusable: its
// missing rows would read as "nothing changed"), read as a contract: a regular file (or `-`)
// of at most 256 MiB, UTF-8, every number finite and not negative, a median above 0, no row
// without its pattern, ranks, bytes, samples or median. Throws UnusableInput, one line.
ResultFile read_result_file(const std::string& path);

// Throws UnusableInput naming the first two files, over every group (compare's two sides),
// that are one launch (the same file by another name, a link or a copy, or a launch's CSV and
// its JSON): a launch counted twice would make a rank test as sure as twice the launches.
void refuse_repeated_launches(std::initializer_list<std::span<const ResultFile>> groups);

}  // namespace mpibench
