#pragma once
#include <fmt/format.h>

#include <cstdint>
#include <string>

namespace mpibench {

// A byte count shown the way sizes are given on the command line: 0 B, 512 B, 4 KiB, 1 MiB;
// a count that is not a whole number of KiB/MiB/GiB is shown in bytes.
struct Bytes {
  std::uint64_t value;
};

std::string to_string(Bytes bytes);

// Three significant figures in the largest binary unit that fits: "7.81 MiB", "512 B".
std::string approximate(Bytes bytes);

}  // namespace mpibench

template <>
struct fmt::formatter<mpibench::Bytes> : fmt::formatter<std::string> {
  auto format(mpibench::Bytes bytes, fmt::format_context& ctx) const {
    return fmt::formatter<std::string>::format(mpibench::to_string(bytes), ctx);
  }
};
