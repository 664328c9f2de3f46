#pragma once
// What a runner hands to writers: one Record per result row, cells keyed by column name,
// plus the run's metadata. Writers only format these; they never talk to MPI.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace mpibench {

// An empty cell (monostate) is a column that does not apply to this row.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

class Record {
 public:
  Record& set(std::string column, Cell value);
  const Cell* find(std::string_view column) const;
  const std::vector<std::pair<std::string, Cell>>& cells() const { return cells_; }

 private:
  std::vector<std::pair<std::string, Cell>> cells_;
};

// The text of a cell as CSV and the table show it: integers exactly, reals to six
// significant digits (the measurements carry no more), empty for monostate.
std::string format_cell(const Cell& cell);

// Records as one string and back, exactly (reals as hex floats), to move rows between
// ranks: a pattern whose leader is not rank 0 hands its rows to rank 0, which writes them.
std::string encode_records(const std::vector<Record>& records);
std::vector<Record> decode_records(std::string_view text);

// Ordered `key: value` pairs; schema_version comes first.
using Metadata = std::vector<std::pair<std::string, std::string>>;

const std::string* find_metadata(const Metadata& metadata, std::string_view key);

}  // namespace mpibench
