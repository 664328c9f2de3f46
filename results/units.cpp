#include "results/units.hpp"

namespace mpibench {

std::string to_string(Bytes bytes) {
  constexpr std::uint64_t kib = 1024;
  const std::uint64_t v = bytes.value;
  if (v >= kib * kib * kib && v % (kib * kib * kib) == 0) return fmt::format("{} GiB", v / (kib * kib * kib));
  if (v >= kib * kib && v % (kib * kib) == 0) return fmt::format("{} MiB", v / (kib * kib));
  if (v >= kib && v % kib == 0) return fmt::format("{} KiB", v / kib);
  return fmt::format("{} B", v);
}

std::string approximate(Bytes bytes) {
  constexpr const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  auto value = static_cast<double>(bytes.value);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(units)) {
    value /= 1024;
    ++unit;
  }
  return unit == 0 ? fmt::format("{} B", bytes.value) : fmt::format("{:.3g} {}", value, units[unit]);
}

}  // namespace mpibench
