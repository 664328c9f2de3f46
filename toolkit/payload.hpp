#pragma once
// Payloads for validation: every byte is derived from a seed (rank, size, pass), so the
// receiver can check what arrived without a second copy of what was sent.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace mpibench {

std::uint64_t payload_seed(std::uint64_t a, std::uint64_t b, std::uint64_t c);

void fill_payload(std::span<std::byte> buffer, std::uint64_t seed);

// Writes the complement of the expected payload, so a byte the transfer failed to write
// can never pass the check by accident.
void poison_payload(std::span<std::byte> buffer, std::uint64_t seed);

// Test only (--corrupt-payload): flips one bit of the middle byte, as a transfer that
// damaged the payload would; an empty buffer has nothing to spoil.
void spoil_payload(std::span<std::byte> buffer);

// The offset of the first byte that differs from fill_payload(seed), if any.
std::optional<std::size_t> first_mismatch(std::span<const std::byte> buffer,
                                          std::uint64_t seed);

}  // namespace mpibench
