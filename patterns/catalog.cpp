#include "patterns/catalog.hpp"

#include <array>

#include "patterns/bandwidth.hpp"
#include "patterns/pingpong.hpp"

namespace mpibench {
namespace {

template <class P>
std::unique_ptr<Pattern> make(const PatternContext& context) {
  return std::make_unique<P>(context);
}

constexpr std::array<std::string_view, 0> no_columns{};
constexpr std::array<std::string_view, 1> window_columns{"window"};

const std::array catalog{
    PatternEntry{"pingpong",
                 "one-way latency of blocking send/recv round trips between two ranks "
                 "(half the round trip), and the bandwidth it implies",
                 2, 2, no_columns, {}, make<PingPong>},
    PatternEntry{"bandwidth",
                 "streaming bandwidth: a window of non-blocking sends from rank 0 to rank 1, "
                 "acknowledged per window",
                 2, 2, window_columns, {.window = true}, make<Bandwidth>},
};

}  // namespace

std::span<const PatternEntry> pattern_catalog() { return catalog; }

const PatternEntry* find_pattern(std::string_view name) {
  for (const PatternEntry& entry : catalog) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

}  // namespace mpibench
