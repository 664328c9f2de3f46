#include "bench/harness/relayed_rows.hpp"

#include "toolkit/errors.hpp"

namespace mpibench {
namespace {

// The figures travel as a record of their own after each row's cells, through the records'
// own exact encoding (results/record.hpp).
Record figures_record(const RowFigures& figures) {
  Record record;
  record.set("median_us", figures.median_us).set("ci_low_us", figures.ci_low_us);
  if (figures.bandwidth_mb_s) record.set("bandwidth_mb_s", *figures.bandwidth_mb_s);
  return record;
}

double figure(const Record& record, std::string_view name) {
  const Cell* cell = record.find(name);
  const auto* value = cell ? std::get_if<double>(cell) : nullptr;
  if (value == nullptr) throw RunError("relayed rows: a row without its figures");
  return *value;
}

}  // namespace

std::string encode_rows(std::span<const BuiltRow> rows) {
  std::vector<Record> records;
  for (const BuiltRow& row : rows) {
    records.push_back(row.record);
    records.push_back(figures_record(row.figures));
  }
  return encode_records(records);
}

std::vector<BuiltRow> decode_rows(std::string_view text) {
  std::vector<Record> records = decode_records(text);
  if (records.size() % 2 != 0) throw RunError("relayed rows: a row without its figures");
  std::vector<BuiltRow> rows;
  for (std::size_t i = 0; i < records.size(); i += 2) {
    const Record& figures = records[i + 1];
    BuiltRow row{std::move(records[i]), RowFigures{figure(figures, "median_us"), figure(figures, "ci_low_us"), {}}};
    if (figures.find("bandwidth_mb_s") != nullptr) row.figures.bandwidth_mb_s = figure(figures, "bandwidth_mb_s");
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace mpibench
