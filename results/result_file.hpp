#pragma once
// Reads what mpibench wrote, for the commands that work on results without MPI (compare).
// Roles and types come from the file's own `columns` line, as in plots/mpibench_csv.py.
#include <optional>
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
// missing rows would read as "nothing changed"); throws UnusableInput.
ResultFile read_result_file(const std::string& path);

}  // namespace mpibench
