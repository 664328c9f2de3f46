#include "results/result_file.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <sstream>

#include "results/output_errors.hpp"
#include "results/utf8.hpp"

namespace mpibench {
namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// One CSV record (RFC 4180 quoting, as csv_field writes it), or nothing if a quote is open.
std::optional<std::vector<std::string>> csv_record(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted) return std::nullopt;
  return fields;
}

std::optional<ColumnRole> role_named(std::string_view name) {
  for (const ColumnRole role : {ColumnRole::configuration, ColumnRole::size, ColumnRole::replicate,
                                ColumnRole::measurement, ColumnRole::result}) {
    if (to_string(role) == name) return role;
  }
  return std::nullopt;
}

std::optional<ColumnType> type_named(std::string_view name) {
  for (const ColumnType type : {ColumnType::text, ColumnType::integer, ColumnType::real}) {
    if (to_string(type) == name) return type;
  }
  return std::nullopt;
}

template <class Refuse>
std::vector<ReadColumn> parse_columns(const std::string& described, const Refuse& refuse) {
  std::vector<ReadColumn> columns;
  for (const std::string& item : split(described, ' ')) {
    const auto parts = split(item, ':');
    const auto role = parts.size() == 4 ? role_named(parts[1]) : std::nullopt;
    const auto type = parts.size() == 4 ? type_named(parts[3]) : std::nullopt;
    if (!role || !type) throw refuse(fmt::format("malformed 'columns' item '{}'", item));
    columns.push_back({parts[0], *role, parts[2] == "-" ? "" : parts[2], *type});
  }
  return columns;
}

// The cells of a run's rows that every row has: without them a row means nothing.
constexpr std::array<std::string_view, 5> required_cells{"pattern", "ranks", "bytes", "samples", "median_us"};

// Beyond this no number mpibench writes goes (a time of 10^15 us is 31 years).
constexpr double largest_value = 1e15;

// Why `text` is not a value of `column`, or nothing. Every number a run writes is finite and
// not negative (times, sizes, counts, rates, fractions), a median is above 0, and integers are
// whole and fit their type: anything else is damage, which must not be read as a time.
std::optional<std::string> bad_cell(const ReadColumn& column, const std::string& text) {
  if (text.empty()) {
    if (std::find(required_cells.begin(), required_cells.end(), column.name) != required_cells.end()) {
      return "is empty, and every row has one";
    }
    return std::nullopt;
  }
  if (column.type == ColumnType::text) return std::nullopt;
  const char* end = text.data() + text.size();
  double value = 0;
  if (column.type == ColumnType::integer) {
    std::int64_t whole = 0;
    const auto r = std::from_chars(text.data(), end, whole);
    if (r.ec != std::errc() || r.ptr != end) return fmt::format("'{}' is not a whole number of its type", text);
    value = static_cast<double>(whole);
  } else {
    const auto r = std::from_chars(text.data(), end, value);
    if (r.ec != std::errc() || r.ptr != end) return fmt::format("'{}' is not a number", text);
    if (!std::isfinite(value)) return fmt::format("'{}' is not a finite number", text);
  }
  if (value < 0) return fmt::format("'{}' is negative", text);
  if (column.type == ColumnType::real && value > largest_value) return fmt::format("'{}' is beyond any measurement", text);
  if (column.name == "median_us" && value == 0) return "'0': a median time is above 0";
  return std::nullopt;
}

template <class Refuse>
void check_cells(const ResultFile& file, const Refuse& refuse) {
  for (std::size_t r = 0; r < file.rows.size(); ++r) {
    for (std::size_t i = 0; i < file.columns.size(); ++i) {
      if (const auto why = bad_cell(file.columns[i], file.rows[r][i])) {
        throw refuse(fmt::format("row {}: {} {}", r + 1, file.columns[i].name, *why));
      }
    }
  }
}

// The most a result file may hold: a 4 000-row sweep is under 2 MB.
constexpr std::size_t max_input_bytes = std::size_t{256} << 20;

// The whole of an input: a regular file (or `-`, standard input), opened without blocking so
// that a FIFO or a device is refused instead of waited on, and no larger than the cap.
std::string read_whole_input(const std::string& path) {
  const std::string name = shown_path(path);
  const int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw UnusableInput(fmt::format("cannot read {}: {}", name, std::strerror(errno)));
  struct stat st {};
  if (path != "-" && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
    const bool directory = S_ISDIR(st.st_mode);
    ::close(fd);
    if (directory) throw UnusableInput(fmt::format("cannot read {}: {}", name, std::strerror(EISDIR)));
    throw UnusableInput(fmt::format("{}: not a result file: not a regular file (a FIFO, a device, a socket?)", name));
  }
  std::string text;
  char chunk[65536];
  while (true) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      if (fd != STDIN_FILENO) ::close(fd);
      throw UnusableInput(fmt::format("cannot read {}: {}", name, std::strerror(error)));
    }
    if (n == 0) break;
    text.append(chunk, static_cast<std::size_t>(n));
    if (text.size() > max_input_bytes) {
      if (fd != STDIN_FILENO) ::close(fd);
      throw UnusableInput(fmt::format("{}: larger than {} MiB, the most mpibench reads as one result", name,
                                      max_input_bytes >> 20));
    }
  }
  if (fd != STDIN_FILENO) ::close(fd);
  return text;
}

}  // namespace

std::optional<std::size_t> ResultFile::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return i;
  }
  return std::nullopt;
}

// mpibench's JSON (Google Benchmark's format): every row is an "iteration" entry with each
// cell as a field, and the context carries the metadata, the columns line among it.
static ResultFile read_json_result(const std::string& path, const std::string& text) {
  const std::string name = shown_path(path);
  const auto refuse = [&](const std::string& why) { return UnusableInput(fmt::format("{}: {}", name, why)); };
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    // "[json.exception.parse_error.101] parse error at line 3, ...": the part after the tag.
    const std::string what = e.what();
    const auto tag_end = what.find("] ");
    throw refuse(fmt::format("not valid JSON ({}; the run was killed, or the file was cut or damaged)",
                             tag_end == std::string::npos ? what : what.substr(tag_end + 2)));
  }
  if (!doc.is_object() || !doc.contains("context") || !doc["context"].is_object() || !doc.contains("benchmarks") ||
      !doc["benchmarks"].is_array()) {
    throw refuse("not an mpibench JSON file: no context or benchmarks");
  }
  ResultFile file;
  file.path = path;
  for (const auto& [key, value] : doc["context"].items()) {
    // JSON the writer did not write (a number beyond a double, say) can still be read
    // here; dump() never throws on what parse() accepted.
    file.metadata.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
  }
  if (const std::string* reason = find_metadata(file.metadata, "incomplete")) {
    throw refuse(fmt::format("the run is incomplete: {}", *reason));
  }
  const std::string* version = find_metadata(file.metadata, "schema_version");
  if (version == nullptr || *version != schema_version) throw refuse("not an mpibench JSON file of schema version 2");
  const std::string* described = find_metadata(file.metadata, "columns");
  if (described == nullptr) throw refuse("not an mpibench JSON file: its context has no 'columns'");
  file.columns = parse_columns(*described, refuse);
  for (const auto& entry : doc["benchmarks"]) {
    if (!entry.is_object()) throw refuse("a benchmark entry is not an object");
    const auto run_type = entry.find("run_type");
    if (run_type == entry.end() || !run_type->is_string()) throw refuse("a benchmark entry without a text run_type");
    if (run_type->get<std::string>() != "iteration") continue;  // Google Benchmark's aggregates
    std::vector<std::string> row;
    for (const ReadColumn& column : file.columns) {
      const auto value = entry.find(column.name);
      if (value == entry.end() || value->is_null()) {
        row.emplace_back();
      } else if (value->is_string()) {
        row.push_back(value->get<std::string>());
      } else if (value->is_number_unsigned()) {
        row.push_back(fmt::format("{}", value->get<std::uint64_t>()));
      } else if (value->is_number_integer()) {
        row.push_back(fmt::format("{}", value->get<std::int64_t>()));
      } else if (value->is_number_float()) {
        row.push_back(fmt::format("{}", value->get<double>()));  // inf and nan fail the cell check
      } else {
        throw refuse(fmt::format("a benchmark's {} is neither a number nor a text", column.name));
      }
    }
    file.rows.push_back(std::move(row));
  }
  check_cells(file, refuse);
  return file;
}

ResultFile read_result_file(const std::string& path) {
  const std::string name = shown_path(path);
  const auto refuse = [&](const std::string& why) { return UnusableInput(fmt::format("{}: {}", name, why)); };
  const std::string text = read_whole_input(path);
  if (path.ends_with(".partial")) throw refuse("a .partial file is the output of a run that has not completed");
  if (text.find('\0') != std::string::npos) throw refuse("not an mpibench result: it holds binary data");
  // mpibench writes UTF-8 only (results/utf8.hpp): other bytes are damage.
  if (!is_valid_utf8(text)) throw refuse("not an mpibench result: it is not UTF-8 text (damaged?)");
  if (text.starts_with("{")) return read_json_result(path, text);

  ResultFile file;
  file.path = path;
  std::optional<std::string> ending;
  bool header_seen = false;
  std::size_t line_number = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    ++line_number;
    const std::string where = fmt::format("line {}", line_number);
    if (lines.eof() && !text.ends_with('\n')) throw refuse(fmt::format("{} is cut short", where));
    if (line.starts_with("# ")) {
      const auto colon = line.find(": ");
      const std::string key = line.substr(2, colon == std::string::npos ? std::string::npos : colon - 2);
      const std::string value = colon == std::string::npos ? "" : line.substr(colon + 2);
      if (key == "end" || key == "incomplete") {
        ending = line.substr(2);
      } else if (!header_seen) {
        file.metadata.emplace_back(key, value);
      }
      continue;
    }
    if (line.empty()) continue;
    if (ending) throw refuse(fmt::format("{}: a row after the end line", where));
    auto fields = csv_record(line);
    if (!fields) throw refuse(fmt::format("{}: an unclosed quote", where));
    if (!header_seen) {
      const std::string* version = find_metadata(file.metadata, "schema_version");
      if (version == nullptr) throw refuse("not an mpibench CSV: it has no '# schema_version' line");
      if (*version != schema_version) {
        throw refuse(fmt::format("schema version {}; this mpibench reads version {} (re-run it)", *version,
                                 schema_version));
      }
      const std::string* described = find_metadata(file.metadata, "columns");
      if (described == nullptr) throw refuse("not an mpibench CSV: it has no '# columns' line");
      file.columns = parse_columns(*described, refuse);
      std::vector<std::string> names;
      for (const ReadColumn& c : file.columns) names.push_back(c.name);
      if (*fields != names) throw refuse(fmt::format("{}: the header does not match the 'columns' line", where));
      header_seen = true;
      continue;
    }
    if (fields->size() != file.columns.size()) {
      throw refuse(fmt::format("{}: {} fields where the header has {} (the file is cut or damaged)", where,
                               fields->size(), file.columns.size()));
    }
    file.rows.push_back(std::move(*fields));
  }
  if (!header_seen) throw refuse("not an mpibench CSV: no header row");
  if (!ending) throw refuse("incomplete: the file has no end line (the run was killed, or the file was cut)");
  if (ending->starts_with("incomplete")) throw refuse(fmt::format("the run is {}", *ending));
  if (*ending != fmt::format("end: complete, {} rows", file.rows.size())) {
    throw refuse(fmt::format("'# {}', but the file holds {} rows", *ending, file.rows.size()));
  }
  check_cells(file, refuse);
  return file;
}

namespace {

// A launch as the run wrote it: when it started, what ran, where, and what it measured (the
// medians to 5 digits, so that a launch's CSV and JSON agree). Two files with the same
// identity are one launch, whatever their names.
std::string launch_identity(const ResultFile& file) {
  const auto first = [&](std::initializer_list<std::string_view> keys) {
    for (const std::string_view key : keys) {
      if (const std::string* value = find_metadata(file.metadata, key)) return *value;
    }
    return std::string();
  };
  // The JSON writer names two keys as Google Benchmark does.
  std::string identity = fmt::format("{}\n{}\n{}\n", first({"date_utc", "date"}), first({"command_line"}),
                                     first({"hosts", "host_name"}));
  const auto median = file.column("median_us");
  for (const auto& row : file.rows) {
    for (std::size_t i = 0; i < file.columns.size(); ++i) {
      const ColumnRole role = file.columns[i].role;
      if (role == ColumnRole::configuration || role == ColumnRole::size || role == ColumnRole::replicate) {
        identity += row[i] + ",";
      }
    }
    double value = 0;
    if (median) std::from_chars(row[*median].data(), row[*median].data() + row[*median].size(), value);
    identity += fmt::format("{:.5g}\n", value);
  }
  return identity;
}

}  // namespace

void refuse_repeated_launches(std::initializer_list<std::span<const ResultFile>> groups) {
  std::vector<std::pair<std::string, const ResultFile*>> seen;  // identity, file
  for (const auto group : groups) {
    for (const ResultFile& file : group) {
      std::string identity = launch_identity(file);
      for (const auto& [earlier_identity, earlier] : seen) {
        if (earlier_identity != identity) continue;
        throw UnusableInput(fmt::format(
            "{} and {} are the same launch (same start, command line, hosts and rows): each launch counts once",
            shown_path(earlier->path), shown_path(file.path)));
      }
      seen.emplace_back(std::move(identity), &file);
    }
  }
}

}  // namespace mpibench
