#include "toolkit/payload.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace mpibench {
namespace {

TEST(Payload, FilledBufferPassesItsOwnCheck) {
  std::vector<std::byte> buffer(1000);
  fill_payload(buffer, 42);
  EXPECT_EQ(first_mismatch(buffer, 42), std::nullopt);
}

TEST(Payload, FindsTheFirstWrongByte) {
  std::vector<std::byte> buffer(1000);
  fill_payload(buffer, 42);
  buffer[731] ^= std::byte{0x10};
  buffer[900] ^= std::byte{0x01};
  EXPECT_EQ(first_mismatch(buffer, 42), 731u);
}

TEST(Payload, PoisonDiffersFromThePayloadInEveryByte) {
  std::vector<std::byte> poisoned(64);
  std::vector<std::byte> expected(64);
  poison_payload(poisoned, 7);
  fill_payload(expected, 7);
  for (std::size_t i = 0; i < poisoned.size(); ++i) EXPECT_NE(poisoned[i], expected[i]) << i;
  EXPECT_EQ(first_mismatch(poisoned, 7), 0u);
}

TEST(Payload, DifferentSeedsDiffer) {
  std::vector<std::byte> buffer(16);
  fill_payload(buffer, payload_seed(1, 0, 0));
  EXPECT_NE(first_mismatch(buffer, payload_seed(1, 1, 0)), std::nullopt);
}

TEST(Payload, EmptyBufferAlwaysMatches) {
  std::vector<std::byte> none;
  EXPECT_EQ(first_mismatch(none, 3), std::nullopt);
}

}  // namespace
}  // namespace mpibench
