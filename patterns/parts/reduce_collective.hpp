#pragma once
// What reduce and allreduce share: `bytes` of --type elements reduced with --op, sizes
// rounded down to whole elements (a size below one element is skipped). The result goes to
// --root (reduce) or to every rank (allreduce), and is checked wherever it lands.
#include <array>

#include "toolkit/typed_elements.hpp"
#include "patterns/parts/root.hpp"
#include "patterns/pattern.hpp"

namespace mpibench {

inline constexpr PatternOption op_option{
    .flags = "--op",
    .kind = OptionKind::text,
    .default_text = "sum",
    .type_name = "OP",
    .help = "Reduction operation: sum, max, min or prod",
    .choices = "sum max min prod",
};
inline constexpr PatternOption type_option{
    .flags = "--type",
    .kind = OptionKind::text,
    .default_text = "float",  // IMB's default
    .type_name = "TYPE",
    .help = "Element type: int, float or double (sizes are rounded down to whole elements; a "
            "size below one element is skipped)",
    .choices = "int float double",
};
inline constexpr Column op_column{"op", "", ColumnRole::configuration, ColumnType::text, true};
inline constexpr Column type_column{"type", "", ColumnRole::configuration, ColumnType::text, true};
inline constexpr Column elements_column{"elements", "", ColumnRole::size, ColumnType::integer, true};

class ReduceCollective : public OperationPattern {
 public:
  Timing timing() const override { return Timing::one_per_sample; }
  std::optional<std::size_t> effective_bytes(std::size_t requested) const override;
  std::string skip_reason() const override { return "less than one element of --type"; }
  void run(std::int64_t ops) override;
  Record configuration_cells(std::size_t bytes) const override;

 protected:
  ReduceCollective(const PatternContext& context, bool to_all);

 private:
  bool receives() const { return to_all_ || rank_ == root_; }
  std::size_t send_bytes(std::size_t bytes) const override { return bytes; }
  std::size_t receive_bytes(std::size_t bytes) const override { return receives() ? bytes : 0; }
  void prepare_payloads(std::uint64_t seed) override;
  bool spoils_payload() const override { return rank_ == root_; }
  void spoil_sent() override;
  std::optional<Mismatch> check_received(std::uint64_t seed) const override;

  bool to_all_;
  int root_;  // allreduce: the rank that spoils its contribution under --corrupt-payload
  ReduceOp op_;
  ReduceType type_;
};

}  // namespace mpibench
