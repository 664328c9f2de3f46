#include "patterns/pattern_option.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>
#include <stdexcept>

namespace mpibench {
namespace {

template <class Number>
Number number_from(std::string_view text) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw std::invalid_argument(fmt::format("'{}' is not a number", text));
  }
  return value;
}

template <class Number>
std::vector<Number> list_from(std::string_view text) {
  std::vector<Number> items;
  while (!text.empty()) {
    const auto comma = text.find(',');
    items.push_back(number_from<Number>(text.substr(0, comma)));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
  }
  return items;
}

}  // namespace

std::string_view PatternOption::name() const {
  const auto dashes = flags.rfind("--");
  return dashes == std::string_view::npos ? flags : flags.substr(dashes + 2);
}

OptionValue parse_option_value(const PatternOption& option, std::string_view text) {
  switch (option.kind) {
    case OptionKind::integer: return number_from<std::int64_t>(text);
    case OptionKind::real: return number_from<double>(text);
    case OptionKind::text: return std::string(text);
    case OptionKind::flag: return text == "true";
    case OptionKind::integer_list: return list_from<std::int64_t>(text);
    case OptionKind::real_list: return list_from<double>(text);
  }
  throw std::logic_error("unknown option kind");
}

std::string option_value_text(const OptionValue& value) {
  struct Visitor {
    std::string operator()(std::int64_t v) const { return fmt::format("{}", v); }
    std::string operator()(double v) const { return fmt::format("{:g}", v); }
    std::string operator()(const std::string& v) const { return v; }
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(const std::vector<std::int64_t>& v) const { return fmt::format("{}", fmt::join(v, ",")); }
    std::string operator()(const std::vector<double>& v) const { return fmt::format("{:g}", fmt::join(v, ",")); }
  };
  return std::visit(Visitor{}, value);
}

void OptionValues::set(const PatternOption& option, OptionValue value) {
  values_.insert_or_assign(std::string(option.name()), std::move(value));
}

bool OptionValues::has(const PatternOption& option) const {
  return values_.find(option.name()) != values_.end();
}

const OptionValue& OptionValues::at(const PatternOption& option) const {
  const auto found = values_.find(option.name());
  if (found == values_.end()) {
    throw std::logic_error(fmt::format("pattern option '{}' has no value: it is not declared", option.name()));
  }
  return found->second;
}

std::int64_t OptionValues::integer(const PatternOption& option) const { return std::get<std::int64_t>(at(option)); }
double OptionValues::real(const PatternOption& option) const { return std::get<double>(at(option)); }
const std::string& OptionValues::text(const PatternOption& option) const { return std::get<std::string>(at(option)); }
bool OptionValues::flag(const PatternOption& option) const { return std::get<bool>(at(option)); }
const std::vector<std::int64_t>& OptionValues::integers(const PatternOption& option) const {
  return std::get<std::vector<std::int64_t>>(at(option));
}
const std::vector<double>& OptionValues::reals(const PatternOption& option) const {
  return std::get<std::vector<double>>(at(option));
}

}  // namespace mpibench
