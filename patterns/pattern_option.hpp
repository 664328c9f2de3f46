#pragma once
// An option a pattern takes, declared where the pattern is defined. The command line (cli/)
// builds its options from these declarations, so a pattern's option is one declaration in
// the pattern's own file; every default exists once, as the text a user would type.
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mpibench {

enum class OptionKind { integer, real, text, flag, integer_list, real_list };

struct PatternOption {
  std::string_view flags;         // as CLI11 takes them: "--root", "-W,--window"
  OptionKind kind;
  std::string_view default_text;  // what a user would type; "" = none (an empty list, no flag)
  std::string_view type_name;     // "RANK", "N,..."; flags have none
  std::string_view help;          // "" hides the option (test-only switches)
  // Numbers (and each item of a list) from `min` to `max`; real numbers are also finite.
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_excluded = false;      // a real that must be above `min`, not at it
  std::string_view choices;       // text: the allowed values, separated by spaces
  bool is_rank = false;           // a rank of the pattern's communicator: below its size
  bool bytes = false;             // an integer of bytes: the command line takes K, M, G as --sizes does

  // The long name without dashes ("window"): the key of its value.
  std::string_view name() const;
  bool hidden() const { return help.empty(); }
};

using OptionValue = std::variant<std::int64_t, double, std::string, bool,
                                 std::vector<std::int64_t>, std::vector<double>>;

// `text` read as `option` says, as the command line would read it; throws
// std::invalid_argument with a message for the user.
OptionValue parse_option_value(const PatternOption& option, std::string_view text);

// `value` as a user would type it, so that parse_option_value gives it back; a flag's text is
// "true" or "false".
std::string option_value_text(const OptionValue& value);

// The values of the pattern options of a run, by option name. Every declared option has
// one (its default unless given); reading an option that was never declared is a bug.
class OptionValues {
 public:
  void set(const PatternOption& option, OptionValue value);
  bool has(const PatternOption& option) const;
  std::int64_t integer(const PatternOption& option) const;
  double real(const PatternOption& option) const;
  const std::string& text(const PatternOption& option) const;
  bool flag(const PatternOption& option) const;
  const std::vector<std::int64_t>& integers(const PatternOption& option) const;
  const std::vector<double>& reals(const PatternOption& option) const;
  const OptionValue& value(const PatternOption& option) const { return at(option); }

 private:
  const OptionValue& at(const PatternOption& option) const;
  std::map<std::string, OptionValue, std::less<>> values_;
};

}  // namespace mpibench
