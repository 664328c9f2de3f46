#include "toolkit/payload.hpp"

namespace mpibench {
namespace {

// splitmix64: cheap, and every 8-byte word differs from its neighbours.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::byte expected_byte(std::uint64_t seed, std::size_t offset) {
  const std::uint64_t word = mix(seed ^ mix(offset / 8));
  return static_cast<std::byte>(word >> (8 * (offset % 8)));
}

}  // namespace

std::uint64_t payload_seed(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return mix(a ^ mix(b ^ mix(c)));
}

void fill_payload(std::span<std::byte> buffer, std::uint64_t seed) {
  for (std::size_t i = 0; i < buffer.size(); ++i) buffer[i] = expected_byte(seed, i);
}

void poison_payload(std::span<std::byte> buffer, std::uint64_t seed) {
  for (std::size_t i = 0; i < buffer.size(); ++i) buffer[i] = ~expected_byte(seed, i);
}

void spoil_payload(std::span<std::byte> buffer) {
  if (!buffer.empty()) buffer[buffer.size() / 2] ^= std::byte{1};
}

std::optional<std::size_t> first_mismatch(std::span<const std::byte> buffer,
                                          std::uint64_t seed) {
  for (std::size_t i = 0; i < buffer.size(); ++i) {
    if (buffer[i] != expected_byte(seed, i)) return i;
  }
  return std::nullopt;
}

}  // namespace mpibench
