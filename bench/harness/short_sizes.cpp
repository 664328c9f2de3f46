#include "bench/harness/short_sizes.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <span>

#include "results/units.hpp"

namespace mpibench {
namespace {

constexpr std::size_t listed = 8;

template <typename T>
const T* cell(const Record& row, std::string_view column) {
  const Cell* found = row.find(column);
  return found ? std::get_if<T>(found) : nullptr;
}

// "linkmap bandwidth 1 MiB h2->h1": the pattern, its metric, the size, and the link where the
// row has them.
std::string label(const Record& row) {
  std::string text;
  if (const auto* pattern = cell<std::string>(row, "pattern")) text = *pattern;
  if (const auto* metric = cell<std::string>(row, "metric")) text += " " + *metric;
  if (const auto* bytes = cell<std::int64_t>(row, "bytes")) {
    text += fmt::format(" {}", Bytes{static_cast<std::uint64_t>(*bytes)});
  }
  const auto* src = cell<std::string>(row, "src_host");
  const auto* dst = cell<std::string>(row, "dst_host");
  if (src && dst) text += fmt::format(" {}->{}", *src, *dst);
  return text;
}

}  // namespace

void ShortSizes::add(const Record& row) {
  const auto* stop = cell<std::string>(row, "stop");
  if (stop == nullptr || *stop != to_string(StopReason::long_samples)) return;
  const auto* samples = cell<std::int64_t>(row, "samples");
  const auto count = samples ? static_cast<std::size_t>(*samples) : 0;
  fewest_ = rows_ == 0 ? count : std::min(fewest_, count);
  most_ = std::max(most_, count);
  ++rows_;
  // A second look at a link measures the same configuration again: named once.
  std::string name = label(row);
  if (std::find(labels_.begin(), labels_.end(), name) == labels_.end()) labels_.push_back(std::move(name));
}

std::optional<std::string> ShortSizes::note(const RunConfig& config) const {
  if (labels_.empty()) return std::nullopt;
  const std::string counts = fewest_ == most_ ? fmt::format("{}", fewest_) : fmt::format("{} to {}", fewest_, most_);
  const std::span<const std::string> shown(labels_.data(), std::min(labels_.size(), listed));
  const std::string more = labels_.size() > listed ? fmt::format(" and {} more", labels_.size() - listed) : "";
  return fmt::format(
      "{} {} measured with {} samples, short of --min-samples {}: each sample was so long that "
      "the {:g} s budget (--max-time) was spent first (stop: long_samples; ci_rel says how "
      "precise each is): {}{}",
      rows_, rows_ == 1 ? "row was" : "rows were", counts, config.min_samples,
      config.max_time_s, fmt::join(shown, ", "), more);
}

}  // namespace mpibench
