#pragma once
// What a column is: its name, unit, role and type. The columns every row has are declared
// here; a pattern declares its own in its definition (patterns/). Writers take the run's
// columns from run_columns(), readers learn them from the `columns` metadata line that
// columns_metadata() renders, and a column that is not declared cannot be written.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mpibench {

// Version 2: the `columns` line, and the `# end:` line that completes a CSV.
inline constexpr const char* schema_version = "2";

enum class ColumnRole {
  configuration,  // identifies what was measured, apart from the size (pattern, ranks, root, ...)
  size,           // the message size and what follows from it alone (bytes, root_bytes, elements)
  replicate,      // which repeat of the sweep inside one launch
  measurement,    // how the samples came out (statistics, stop reason, sync method)
  result,         // figures derived from the measurement (bandwidth, tasks per second)
};

std::string_view to_string(ColumnRole role);

// What a reader parses a cell as; an empty cell is a column that does not apply to the row.
enum class ColumnType { text, integer, real };

std::string_view to_string(ColumnType type);

struct Column {
  std::string_view name;
  std::string_view unit;  // "" when the value has none (a name, a count)
  ColumnRole role;
  ColumnType type;
  bool in_table;          // the terminal table shows it; the CSV and JSON always do
};

// Which look at a configuration a row is, for a pattern that measures what looks wrong once
// more before judging it (linkmap): 1 the sweep, 2 the second look. Set by the harness on
// the rows of patterns that declare it.
inline constexpr Column pass_column{"pass", "", ColumnRole::replicate, ColumnType::integer, false};

// The column every row has called `name`; throws std::logic_error for any other name (a
// bug, caught by the tests, never a user's mistake).
const Column& column_named(std::string_view name);

// The columns of a run: pattern, ranks, bytes, then the patterns' `configuration` columns,
// the statistics, and the patterns' `results`, each name once. Throws std::logic_error when
// two patterns declare one name differently.
std::vector<Column> run_columns(std::span<const Column> configuration, std::span<const Column> results);

// The columns of `mpibench compare`'s verdicts, a table of their own (one row per
// configuration and size compared).
std::span<const Column> verdict_columns();

// The columns of `mpibench model`'s fits: one row per configuration and regime (segment).
std::span<const Column> model_columns();

// The columns of `mpibench model --predict`: predicted against measured collective times.
std::span<const Column> prediction_columns();

// The `columns` metadata value: "name:role:unit:type" items separated by spaces, unit "-"
// when there is none. Python readers take roles and units from it instead of keeping a copy.
std::string columns_metadata(std::span<const Column> columns);

}  // namespace mpibench
