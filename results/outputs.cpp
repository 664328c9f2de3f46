#include "results/outputs.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>
#include <stdexcept>

#include "results/output_errors.hpp"
#include "results/table_writer.hpp"
#include "results/utf8.hpp"

namespace mpibench {
namespace {

// Text as every output writes it: UTF-8 (see results/utf8.hpp).
std::string as_utf8(std::string_view text) { return replace_invalid_utf8(text); }

}  // namespace

Outputs Outputs::open(const OutputRequest& request) {
  struct Wanted {
    std::string_view option;
    std::string path;
    std::unique_ptr<Writer> writer;
  };
  std::vector<Wanted> wanted;
  for (const OutputFile& file : request.files) {
    wanted.push_back({file.format->option(), file.path, file.format->make(request.plan)});
  }
  for (const Wanted& w : wanted) {
    if (w.path.empty()) throw OutputRefused(fmt::format("{} needs a file name (or - for stdout)", w.option));
  }
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const auto first = identify_output(wanted[i].path);
    for (std::size_t j = 0; first && j < wanted.size(); ++j) {
      if (i == j) continue;
      // The same file, or one output where another is written until it completes.
      const bool same = j > i && first == identify_output(wanted[j].path);
      const bool its_partial = wanted[j].path != "-" && first == identify_output(partial_name_for(wanted[j].path));
      if (same || its_partial) {
        throw OutputRefused(fmt::format("{} {} and {} {} name the same file; give each its own",
                                        wanted[i].option, shown_path(wanted[i].path), wanted[j].option,
                                        shown_path(wanted[j].path)));
      }
    }
  }
  Outputs outputs;
  try {
    for (Wanted& w : wanted) outputs.open_.push_back({OutputTarget::open(w.path), std::move(w.writer)});
  } catch (...) {
    for (Open& o : outputs.open_) o.target.abandon();
    throw;
  }
  const auto abandon_all = [&](std::string message) {
    for (Open& o : outputs.open_) o.target.abandon();
    throw OutputRefused(std::move(message));
  };
  const auto screen = identify_output("-");
  const bool file_on_stdout = std::any_of(wanted.begin(), wanted.end(), [&](const Wanted& w) {
    return w.path == "-" || (screen && identify_output(w.path) == screen);
  });
  for (Open& o : outputs.open_) {
    try {
      o.target.claim();
    } catch (const OutputFailed& e) {
      abandon_all(e.what());
    }
  }
  // The table shares stdout with nothing: an output sent there replaces it.
  if (request.table && !file_on_stdout) {
    outputs.open_.push_back({OutputTarget::standard_output(), std::make_unique<TableWriter>(!wanted.empty())});
  }
  return outputs;
}

void refuse_outputs_naming(const std::vector<OutputFile>& files, const std::vector<std::string>& inputs) {
  for (const OutputFile& file : files) {
    if (file.path == "-") continue;
    for (const std::string& input : inputs) {
      if (input == "-") continue;  // standard input is no file an output could name
      const auto read = identify_output(input);
      if (!read) continue;  // the reader says why it cannot read it
      if (read == identify_output(file.path) || read == identify_output(partial_name_for(file.path))) {
        throw OutputRefused(fmt::format("{} {} would overwrite the input {}; name another file",
                                        file.format->option(), shown_path(file.path), shown_path(input)));
      }
    }
  }
}

void Outputs::set_async_reasons(const std::array<std::string, async_stop_kinds>& reasons) {
  for (std::size_t i = 0; i < async_stop_kinds; ++i) reasons_[i] = as_utf8(reasons[i]);
  publish();
}

void Outputs::write_each(const std::function<std::string(Writer&)>& text) {
  // A signal taken between two writes finds every output at a line boundary.
  const AsyncSignalBlock hold;
  for (Open& o : open_) {
    const std::string bytes = text(*o.writer);
    if (!bytes.empty()) o.target.write(bytes);
  }
}

void Outputs::publish() const {
  // A rank with nothing open has nothing for a handler to write, and under simulation must
  // not replace rank 0's endings (every simulated rank shares this process's globals).
  if (open_.empty()) return;
  const AsyncSignalBlock hold;
  std::vector<AsyncEnding> endings;
  // From the moment an output is open: one stopped before its first line still says why.
  if (!finished_) {
    for (const Open& o : open_) {
      AsyncEnding ending{o.target.fd(), {}};
      for (std::size_t i = 0; i < async_stop_kinds; ++i) ending.text[i] = o.writer->finish(reasons_[i]);
      endings.push_back(std::move(ending));
    }
  }
  publish_async_endings(std::move(endings));
}

void Outputs::begin(const Metadata& metadata, std::span<const Column> columns) {
  columns_.assign(columns.begin(), columns.end());
  // A value that is not UTF-8 (a file name typed in a Latin-1 locale) is written with its bad
  // bytes replaced, and the metadata says so.
  Metadata written;
  std::vector<std::string> replaced;
  for (const auto& [key, value] : metadata) {
    if (!is_valid_utf8(value)) replaced.push_back(key);
    written.emplace_back(key, as_utf8(value));
  }
  if (!replaced.empty()) {
    written.emplace_back("replaced_bytes", fmt::format("bytes that are not UTF-8 replaced by U+FFFD in: {}",
                                                       fmt::join(replaced, " ")));
  }
  write_each([&](Writer& w) { return w.begin(written, columns); });
  publish();  // the endings carry what begin() told the writers (JSON's context)
}

void Outputs::row(const Record& record) {
  for (const auto& [column, cell] : record.cells()) {
    const auto declared = std::find_if(columns_.begin(), columns_.end(), [&](const Column& c) { return c.name == column; });
    if (declared == columns_.end()) {
      throw std::logic_error(fmt::format("a row has column '{}', which the run did not declare", column));
    }
    const ColumnType type = declared->type;
    const bool fits = std::holds_alternative<std::monostate>(cell) ||
                      (type == ColumnType::text && std::holds_alternative<std::string>(cell)) ||
                      (type == ColumnType::integer && std::holds_alternative<std::int64_t>(cell)) ||
                      (type == ColumnType::real && std::holds_alternative<double>(cell));
    if (!fits) {
      throw std::logic_error(fmt::format("column '{}' is declared {}, but a row has another type",
                                         column, to_string(type)));
    }
  }
  Record written;
  for (const auto& [column, cell] : record.cells()) {
    const auto* text = std::get_if<std::string>(&cell);
    written.set(column, text ? Cell{as_utf8(*text)} : cell);
  }
  // The endings a signal handler writes do not depend on the rows: nothing to publish.
  write_each([&](Writer& w) { return w.row(written); });
}

void Outputs::note(std::string_view key, std::string_view text) {
  const std::string written = as_utf8(text);
  write_each([&](Writer& w) { return w.note(key, written); });
  publish();
}

void Outputs::aggregates(std::span<const RepeatAggregate> all) {
  std::vector<RepeatAggregate> written;
  for (const RepeatAggregate& aggregate : all) {
    Record configuration;
    for (const auto& [column, cell] : aggregate.configuration.cells()) {
      const auto* text = std::get_if<std::string>(&cell);
      configuration.set(column, text ? Cell{as_utf8(*text)} : cell);
    }
    written.push_back({std::move(configuration), aggregate.medians_us});
  }
  write_each([&](Writer& w) { return w.aggregates(written); });
  publish();
}

void Outputs::finish_complete() {
  const AsyncSignalBlock hold;
  finished_ = true;
  publish();
  write_each([](Writer& w) { return w.finish(std::nullopt); });
  for (Open& o : open_) o.target.commit();
}

void Outputs::finish_incomplete(std::string_view reason) noexcept {
  const AsyncSignalBlock hold;
  if (finished_) return;
  finished_ = true;
  publish();
  const std::string written = as_utf8(reason);
  for (Open& o : open_) {
    try {
      o.target.write(o.writer->finish(written));
    } catch (const std::exception&) {
      // The disk that failed may fail again: the file keeps its .partial name regardless.
    }
  }
}

void Outputs::abandon() noexcept {
  const AsyncSignalBlock hold;
  finished_ = true;
  publish();
  for (Open& o : open_) o.target.abandon();
  open_.clear();
}

std::string Outputs::kept_in() const {
  std::string where;
  for (const Open& o : open_) {
    if (o.target.is_stdout()) continue;
    if (!where.empty()) where += " and ";
    where += shown_path(o.target.current_name());
  }
  return where;
}

}  // namespace mpibench
