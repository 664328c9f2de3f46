#pragma once
// Reduction operations and element types, shared by every reducing pattern, and the
// payloads that let a reduction be validated exactly: values are chosen so that any
// reduction over any number of ranks is exact in every type (small integers for sum, max
// and min; +1 and -1 for prod), so the expected result can be computed and compared bit for
// bit.
#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace mpibench {

enum class ReduceOp { sum, max, min, prod };
enum class ReduceType { int32, float32, float64 };

std::string_view to_string(ReduceOp op);
std::string_view to_string(ReduceType type);  // as on the command line: int, float, double
// The inverse of to_string(); throws std::invalid_argument for any other name.
ReduceOp reduce_op_named(std::string_view name);
ReduceType reduce_type_named(std::string_view name);
MPI_Op mpi_op(ReduceOp op);
MPI_Datatype mpi_type(ReduceType type);
std::size_t element_size(ReduceType type);

// `requested` rounded down to whole elements, or nothing below one element.
std::optional<std::size_t> whole_elements(std::size_t requested, ReduceType type);

// Fills `buffer` (whole elements of `type`) with this rank's contribution.
void fill_contribution(std::span<std::byte> buffer, ReduceType type, ReduceOp op,
                       std::uint64_t seed, int rank);

// Fills a result buffer with a value no reduction of contributions can produce (a NaN, or
// INT_MIN), so an element the reduction failed to write can never pass the check.
void poison_result(std::span<std::byte> buffer, ReduceType type);

// Spoils one element of a contribution so that the reduction's result must change.
void spoil_contribution(std::span<std::byte> buffer, ReduceType type, ReduceOp op);

// The byte offset of the first element of `result` that differs from the reduction of
// all `ranks` contributions, if any.
std::optional<std::size_t> first_wrong_element(std::span<const std::byte> result,
                                               ReduceType type, ReduceOp op,
                                               std::uint64_t seed, int ranks);

}  // namespace mpibench
