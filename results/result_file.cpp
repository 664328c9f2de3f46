#include "results/result_file.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
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

bool is_number(const std::string& text, ColumnType type) {
  const char* end = text.data() + text.size();
  if (type == ColumnType::integer) {
    long long v = 0;
    const auto r = std::from_chars(text.data(), end, v);
    return r.ec == std::errc() && r.ptr == end;
  }
  double v = 0;
  const auto r = std::from_chars(text.data(), end, v);
  return r.ec == std::errc() && r.ptr == end;
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
  } catch (const nlohmann::json::parse_error&) {
    throw refuse("not valid JSON (the run was killed, or the file was cut)");
  }
  if (!doc.is_object() || !doc.contains("context") || !doc["context"].is_object() || !doc.contains("benchmarks") ||
      !doc["benchmarks"].is_array()) {
    throw refuse("not an mpibench JSON file: no context or benchmarks");
  }
  ResultFile file;
  file.path = path;
  for (const auto& [key, value] : doc["context"].items()) {
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
    if (!entry.is_object() || entry.value("run_type", "") != "iteration") continue;
    std::vector<std::string> row;
    for (const ReadColumn& column : file.columns) {
      if (!entry.contains(column.name) || entry[column.name].is_null()) {
        row.emplace_back();
      } else if (entry[column.name].is_string()) {
        row.push_back(entry[column.name].get<std::string>());
      } else if (entry[column.name].is_number()) {
        row.push_back(entry[column.name].is_number_integer() ? std::to_string(entry[column.name].get<long long>())
                                                             : fmt::format("{}", entry[column.name].get<double>()));
      } else {
        throw refuse(fmt::format("a benchmark's {} is neither a number nor a text", column.name));
      }
    }
    file.rows.push_back(std::move(row));
  }
  return file;
}

ResultFile read_result_file(const std::string& path) {
  const std::string name = shown_path(path);
  const auto refuse = [&](const std::string& why) { return UnusableInput(fmt::format("{}: {}", name, why)); };
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UnusableInput(fmt::format("cannot read {}: {}", name, std::strerror(errno)));
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw UnusableInput(fmt::format("cannot read {}: {}", name, std::strerror(errno)));
  const std::string text = buffer.str();
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
    for (std::size_t i = 0; i < fields->size(); ++i) {
      const std::string& cell = (*fields)[i];
      if (!cell.empty() && file.columns[i].type != ColumnType::text && !is_number(cell, file.columns[i].type)) {
        throw refuse(fmt::format("{}: column {}: '{}' is not a number", where, file.columns[i].name, cell));
      }
    }
    file.rows.push_back(std::move(*fields));
  }
  if (!header_seen) throw refuse("not an mpibench CSV: no header row");
  if (!ending) throw refuse("incomplete: the file has no end line (the run was killed, or the file was cut)");
  if (ending->starts_with("incomplete")) throw refuse(fmt::format("the run is {}", *ending));
  if (*ending != fmt::format("end: complete, {} rows", file.rows.size())) {
    throw refuse(fmt::format("'# {}', but the file holds {} rows", *ending, file.rows.size()));
  }
  return file;
}

}  // namespace mpibench
