#include "toolkit/typed_elements.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

namespace mpibench {
namespace {

constexpr ReduceOp all_ops[] = {ReduceOp::sum, ReduceOp::max, ReduceOp::min, ReduceOp::prod};
constexpr ReduceType all_types[] = {ReduceType::int32, ReduceType::float32, ReduceType::float64};

template <class T>
T combine(ReduceOp op, T a, T b) {
  switch (op) {
    case ReduceOp::sum: return a + b;
    case ReduceOp::max: return a > b ? a : b;
    case ReduceOp::min: return a < b ? a : b;
    case ReduceOp::prod: return a * b;
  }
  return a;
}

template <class T>
void combine_into(std::vector<std::byte>& result, const std::vector<std::byte>& other, ReduceOp op) {
  for (std::size_t i = 0; i + sizeof(T) <= result.size(); i += sizeof(T)) {
    T a, b;
    std::memcpy(&a, &result[i], sizeof(T));
    std::memcpy(&b, &other[i], sizeof(T));
    const T c = combine(op, a, b);
    std::memcpy(&result[i], &c, sizeof(T));
  }
}

// What MPI_Reduce computes from these contributions, reduced in rank order.
std::vector<std::byte> reduce_contributions(ReduceType type, ReduceOp op,
                                            const std::vector<std::vector<std::byte>>& contributions) {
  std::vector<std::byte> result = contributions.front();
  for (std::size_t r = 1; r < contributions.size(); ++r) {
    switch (type) {
      case ReduceType::int32: combine_into<int>(result, contributions[r], op); break;
      case ReduceType::float32: combine_into<float>(result, contributions[r], op); break;
      case ReduceType::float64: combine_into<double>(result, contributions[r], op); break;
    }
  }
  return result;
}

std::vector<std::vector<std::byte>> contributions_of(ReduceType type, ReduceOp op, std::uint64_t seed,
                                                     int ranks, std::size_t bytes) {
  std::vector<std::vector<std::byte>> all(static_cast<std::size_t>(ranks), std::vector<std::byte>(bytes));
  for (int r = 0; r < ranks; ++r) fill_contribution(all[static_cast<std::size_t>(r)], type, op, seed, r);
  return all;
}

TEST(Reduction, CorrectResultPassesForEveryOpAndType) {
  for (const auto op : all_ops) {
    for (const auto type : all_types) {
      for (const int ranks : {1, 2, 3, 7}) {
        const auto result =
            reduce_contributions(type, op, contributions_of(type, op, 99, ranks, 64 * element_size(type)));
        EXPECT_EQ(first_wrong_element(result, type, op, 99, ranks), std::nullopt)
            << to_string(op) << " " << to_string(type) << " ranks " << ranks;
      }
    }
  }
}

TEST(Reduction, ASpoiledContributionAlwaysChangesTheResult) {
  for (const auto op : all_ops) {
    for (const auto type : all_types) {
      for (const int spoiler : {0, 2}) {
        auto contributions = contributions_of(type, op, 5, 3, 64 * element_size(type));
        spoil_contribution(contributions[static_cast<std::size_t>(spoiler)], type, op);
        const auto result = reduce_contributions(type, op, contributions);
        EXPECT_EQ(first_wrong_element(result, type, op, 5, 3), 32 * element_size(type))
            << to_string(op) << " " << to_string(type) << " spoiled by rank " << spoiler;
      }
    }
  }
}

TEST(Reduction, PoisonedResultNeverPasses) {
  for (const auto op : all_ops) {
    for (const auto type : all_types) {
      std::vector<std::byte> result(16 * element_size(type));
      poison_result(result, type);
      EXPECT_EQ(first_wrong_element(result, type, op, 1, 2), 0u) << to_string(op) << " " << to_string(type);
    }
  }
}

TEST(Reduction, FindsTheFirstWrongElement) {
  const auto type = ReduceType::float64;
  auto result = reduce_contributions(type, ReduceOp::sum, contributions_of(type, ReduceOp::sum, 3, 4, 10 * 8));
  double wrong = -1;
  std::memcpy(&result[6 * 8], &wrong, 8);
  EXPECT_EQ(first_wrong_element(result, type, ReduceOp::sum, 3, 4), 48u);
}

TEST(Reduction, Names) {
  EXPECT_EQ(to_string(ReduceOp::prod), "prod");
  EXPECT_EQ(to_string(ReduceType::int32), "int");
  EXPECT_EQ(to_string(ReduceType::float64), "double");
  EXPECT_EQ(element_size(ReduceType::float64), 8u);
}

}  // namespace
}  // namespace mpibench
