#include "cli/size_list.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cctype>
#include <limits>
#include <string>

#include "toolkit/errors.hpp"

namespace mpibench {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

void check_limit(std::uint64_t bytes, std::string_view text) {
  if (bytes > max_message_bytes) {
    throw UsageError(fmt::format(
        "size '{}' is {} bytes, more than {} (2 GiB - 1), the largest message mpibench sends "
        "(MPI int counts)",
        text, bytes, max_message_bytes));
  }
}

}  // namespace

std::uint64_t parse_size(std::string_view raw) {
  const std::string_view text = trim(raw);
  if (text.empty()) throw UsageError("empty size in --sizes");
  std::size_t pos = 0;
  std::uint64_t value = 0;
  constexpr auto max = std::numeric_limits<std::uint64_t>::max();
  const auto too_large = [&] {
    return UsageError(fmt::format("size '{}' is too large", text));
  };
  while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
    const auto digit = static_cast<std::uint64_t>(text[pos] - '0');
    if (value > (max - digit) / 10) throw too_large();
    value = value * 10 + digit;
    ++pos;
  }
  if (pos == 0) {
    throw UsageError(fmt::format(
        "bad size '{}': expected a whole number of bytes with an optional K, M or G suffix", text));
  }
  std::uint64_t scale = 1;
  if (pos < text.size()) {
    switch (std::toupper(static_cast<unsigned char>(text[pos]))) {
      case 'K': scale = 1ULL << 10; break;
      case 'M': scale = 1ULL << 20; break;
      case 'G': scale = 1ULL << 30; break;
      default:
        throw UsageError(fmt::format("bad size '{}': unknown suffix '{}' (use K, M or G)", text,
                                     text.substr(pos)));
    }
    ++pos;
  }
  if (pos != text.size()) {
    throw UsageError(fmt::format("bad size '{}': unexpected '{}' after the number", text,
                                 text.substr(pos)));
  }
  if (value > max / scale) throw too_large();
  return value * scale;
}

std::vector<std::uint64_t> parse_size_list(std::string_view text) {
  std::vector<std::uint64_t> sizes;
  if (const auto colon = text.find(':'); colon != std::string_view::npos) {
    const std::string_view min_text = text.substr(0, colon);
    const std::string_view max_text = text.substr(colon + 1);
    const std::uint64_t min = parse_size(min_text);
    const std::uint64_t max = parse_size(max_text);
    if (min > max) {
      throw UsageError(fmt::format("bad --sizes '{}': MIN ({}) is larger than MAX ({})", text, min, max));
    }
    check_limit(max, trim(max_text));
    for (std::uint64_t size = min; size <= max; size = size == 0 ? 1 : size * 2) sizes.push_back(size);
    return sizes;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view item = text.substr(start, comma - start);
    const std::uint64_t size = parse_size(item);
    check_limit(size, trim(item));
    sizes.push_back(size);
    start = comma + 1;
  }
  return sizes;
}

namespace {

std::string size_text(std::uint64_t bytes) {
  for (const auto& [suffix, scale] : {std::pair{'G', 1ULL << 30}, std::pair{'M', 1ULL << 20}, std::pair{'K', 1ULL << 10}}) {
    if (bytes >= scale && bytes % scale == 0) return fmt::format("{}{}", bytes / scale, suffix);
  }
  return fmt::format("{}", bytes);
}

}  // namespace

std::string size_list_text(std::span<const std::uint64_t> sizes) {
  bool doubling = sizes.size() >= 3;
  for (std::size_t i = 1; doubling && i < sizes.size(); ++i) {
    doubling = sizes[i] == (sizes[i - 1] == 0 ? 1 : sizes[i - 1] * 2);
  }
  if (doubling) return fmt::format("{}:{}", size_text(sizes.front()), size_text(sizes.back()));
  std::vector<std::string> items;
  for (const std::uint64_t size : sizes) items.push_back(size_text(size));
  return fmt::format("{}", fmt::join(items, ","));
}

}  // namespace mpibench
