#include "results/csv_writer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mpibench {
namespace {

// Metadata values are single lines: a line break would end the comment.
std::string one_line(std::string_view text) {
  std::string line(text);
  std::replace_if(line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return line;
}

}  // namespace

std::string csv_field(std::string_view text) {
  const bool needs_quotes = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                            (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!needs_quotes) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string CsvWriter::begin(const Metadata& metadata, std::span<const Column> columns) {
  columns_.clear();
  for (const Column& column : columns) columns_.push_back(column.name);
  std::string text;
  for (const auto& [key, value] : metadata) text += fmt::format("# {}: {}\n", key, one_line(value));
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) text += ',';
    text += csv_field(columns_[i]);
  }
  return text + '\n';
}

std::string CsvWriter::row(const Record& record) {
  std::string line;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) line += ',';
    if (const Cell* cell = record.find(columns_[i])) line += csv_field(format_cell(*cell));
  }
  ++rows_;
  return line + '\n';
}

std::string CsvWriter::note(std::string_view key, std::string_view text) {
  return fmt::format("# {}: {}\n", key, one_line(text));
}

std::string CsvWriter::finish(std::optional<std::string_view> incomplete_reason) const {
  if (incomplete_reason) return fmt::format("# incomplete: {}\n", one_line(*incomplete_reason));
  return fmt::format("# end: complete, {} rows\n", rows_);
}

}  // namespace mpibench
