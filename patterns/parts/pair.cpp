#include "patterns/parts/pair.hpp"

#include <fmt/format.h>

#include <charconv>

namespace mpibench {
namespace {

std::optional<int> rank_number(std::string_view text) {
  int value = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

// The first two ranks whose hosts are different (`across`) or the same.
std::optional<std::vector<int>> first_pair(std::span<const std::string> hosts, bool across) {
  for (std::size_t a = 0; a < hosts.size(); ++a) {
    for (std::size_t b = a + 1; b < hosts.size(); ++b) {
      if ((hosts[a] != hosts[b]) == across) return std::vector<int>{static_cast<int>(a), static_cast<int>(b)};
    }
  }
  return std::nullopt;
}

}  // namespace

std::variant<std::vector<int>, std::string> pair_members(const OptionValues& options,
                                                         std::span<const std::string> host_of_rank) {
  const std::string& text = options.text(pair_option);
  const int launched = static_cast<int>(host_of_rank.size());
  if (text == "inter" || text == "intra") {
    if (auto pair = first_pair(host_of_rank, text == "inter")) return *pair;
    return fmt::format("--pair {}: no two ranks are on {} ({} ranks on {})", text,
                       text == "inter" ? "different hosts" : "one host", launched,
                       text == "inter" ? "one host" : "a host each");
  }
  const auto comma = text.find(',');
  const auto first = rank_number(std::string_view(text).substr(0, comma));
  const auto second = comma == std::string::npos ? std::nullopt : rank_number(std::string_view(text).substr(comma + 1));
  if (!first || !second) {
    return fmt::format("--pair '{}' is not R1,R2 (two rank numbers), inter or intra", text);
  }
  if (*first == *second) return fmt::format("--pair {}: a pair is two different ranks", text);
  if (*first >= launched || *second >= launched) {
    return fmt::format("--pair {}: rank {} was not launched (ranks 0 to {})", text,
                       std::max(*first, *second), launched - 1);
  }
  return std::vector<int>{*first, *second};
}

}  // namespace mpibench
