#include "toolkit/typed_elements.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include <cstring>
#include <limits>

#include "toolkit/payload.hpp"

namespace mpibench {
namespace {

// A rank's value for one element: an integer below 1000 (sums of up to 16 000 ranks stay
// exact in a float's 24-bit mantissa), or +-1 for products.
double contribution(ReduceOp op, std::uint64_t seed, int rank, std::size_t index) {
  const std::uint64_t bits = payload_seed(seed, static_cast<std::uint64_t>(rank), index);
  if (op == ReduceOp::prod) return (bits & 1) != 0 ? 1.0 : -1.0;
  return static_cast<double>(bits % 1000);
}

double combine(ReduceOp op, double a, double b) {
  switch (op) {
    case ReduceOp::sum: return a + b;
    case ReduceOp::max: return a > b ? a : b;
    case ReduceOp::min: return a < b ? a : b;
    case ReduceOp::prod: return a * b;
  }
  return a;
}

template <class T>
void visit_type(ReduceType type, T&& fn) {
  switch (type) {
    case ReduceType::int32: fn(int{}); break;
    case ReduceType::float32: fn(float{}); break;
    case ReduceType::float64: fn(double{}); break;
  }
}

}  // namespace

std::string_view to_string(ReduceOp op) {
  switch (op) {
    case ReduceOp::sum: return "sum";
    case ReduceOp::max: return "max";
    case ReduceOp::min: return "min";
    case ReduceOp::prod: return "prod";
  }
  return "?";
}

std::string_view to_string(ReduceType type) {
  switch (type) {
    case ReduceType::int32: return "int";
    case ReduceType::float32: return "float";
    case ReduceType::float64: return "double";
  }
  return "?";
}

ReduceOp reduce_op_named(std::string_view name) {
  for (const ReduceOp op : {ReduceOp::sum, ReduceOp::max, ReduceOp::min, ReduceOp::prod}) {
    if (to_string(op) == name) return op;
  }
  throw std::invalid_argument(fmt::format("unknown reduction operation '{}'", name));
}

ReduceType reduce_type_named(std::string_view name) {
  for (const ReduceType type : {ReduceType::int32, ReduceType::float32, ReduceType::float64}) {
    if (to_string(type) == name) return type;
  }
  throw std::invalid_argument(fmt::format("unknown element type '{}'", name));
}

MPI_Op mpi_op(ReduceOp op) {
  switch (op) {
    case ReduceOp::sum: return MPI_SUM;
    case ReduceOp::max: return MPI_MAX;
    case ReduceOp::min: return MPI_MIN;
    case ReduceOp::prod: return MPI_PROD;
  }
  return MPI_OP_NULL;
}

MPI_Datatype mpi_type(ReduceType type) {
  switch (type) {
    case ReduceType::int32: return MPI_INT;
    case ReduceType::float32: return MPI_FLOAT;
    case ReduceType::float64: return MPI_DOUBLE;
  }
  return MPI_DATATYPE_NULL;
}

std::size_t element_size(ReduceType type) {
  switch (type) {
    case ReduceType::int32: return 4;
    case ReduceType::float32: return 4;
    case ReduceType::float64: return 8;
  }
  return 1;
}

std::optional<std::size_t> whole_elements(std::size_t requested, ReduceType type) {
  const std::size_t element = element_size(type);
  if (requested < element) return std::nullopt;
  return requested / element * element;
}

void fill_contribution(std::span<std::byte> buffer, ReduceType type, ReduceOp op,
                       std::uint64_t seed, int rank) {
  visit_type(type, [&](auto zero) {
    using T = decltype(zero);
    const std::size_t count = buffer.size() / sizeof(T);
    for (std::size_t i = 0; i < count; ++i) {
      const T value = static_cast<T>(contribution(op, seed, rank, i));
      std::memcpy(buffer.data() + i * sizeof(T), &value, sizeof(T));
    }
  });
}

void poison_result(std::span<std::byte> buffer, ReduceType type) {
  visit_type(type, [&](auto zero) {
    using T = decltype(zero);
    const T impossible = std::numeric_limits<T>::has_quiet_NaN ? std::numeric_limits<T>::quiet_NaN()
                                                               : std::numeric_limits<T>::min();
    for (std::size_t i = 0; i + sizeof(T) <= buffer.size(); i += sizeof(T)) {
      std::memcpy(buffer.data() + i, &impossible, sizeof(T));
    }
  });
}

void spoil_contribution(std::span<std::byte> buffer, ReduceType type, ReduceOp op) {
  visit_type(type, [&](auto zero) {
    using T = decltype(zero);
    const std::size_t count = buffer.size() / sizeof(T);
    if (count == 0) return;
    std::byte* at = buffer.data() + count / 2 * sizeof(T);
    T value;
    std::memcpy(&value, at, sizeof(T));
    // Out of the range every contribution lies in, so the result cannot absorb it.
    switch (op) {
      case ReduceOp::sum: value = static_cast<T>(value + 1); break;
      case ReduceOp::max: value = static_cast<T>(100000); break;
      case ReduceOp::min: value = static_cast<T>(-100000); break;
      case ReduceOp::prod: value = static_cast<T>(value * 2); break;
    }
    std::memcpy(at, &value, sizeof(T));
  });
}

std::optional<std::size_t> first_wrong_element(std::span<const std::byte> result,
                                               ReduceType type, ReduceOp op,
                                               std::uint64_t seed, int ranks) {
  std::optional<std::size_t> wrong;
  visit_type(type, [&](auto zero) {
    using T = decltype(zero);
    const std::size_t count = result.size() / sizeof(T);
    for (std::size_t i = 0; i < count && !wrong; ++i) {
      double expected = contribution(op, seed, 0, i);
      for (int r = 1; r < ranks; ++r) expected = combine(op, expected, contribution(op, seed, r, i));
      T got;
      std::memcpy(&got, result.data() + i * sizeof(T), sizeof(T));
      if (got != static_cast<T>(expected)) wrong = i * sizeof(T);
    }
  });
  return wrong;
}

}  // namespace mpibench
