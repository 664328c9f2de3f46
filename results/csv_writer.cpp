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

void CsvWriter::begin(const Metadata& metadata, const std::vector<std::string>& columns) {
  columns_ = columns;
  for (const auto& [key, value] : metadata) fmt::print(out_, "# {}: {}\n", key, one_line(value));
  std::string header;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) header += ',';
    header += csv_field(columns_[i]);
  }
  fmt::print(out_, "{}\n", header);
  std::fflush(out_);
}

void CsvWriter::row(const Record& record) {
  std::string line;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) line += ',';
    if (const Cell* cell = record.find(columns_[i])) line += csv_field(format_cell(*cell));
  }
  fmt::print(out_, "{}\n", line);
  std::fflush(out_);
}

void CsvWriter::note(std::string_view key, std::string_view text) {
  fmt::print(out_, "# {}: {}\n", key, one_line(text));
  std::fflush(out_);
}

void CsvWriter::finish(std::optional<std::string_view> incomplete_reason) {
  if (incomplete_reason) fmt::print(out_, "# incomplete: {}\n", one_line(*incomplete_reason));
  std::fflush(out_);
}

}  // namespace mpibench
