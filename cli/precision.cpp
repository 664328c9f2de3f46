#include "cli/precision.hpp"

#include <fmt/format.h>

#include <charconv>
#include <string>

#include "toolkit/errors.hpp"

namespace mpibench {

double parse_fraction(std::string_view text, std::string_view option, double below) {
  const bool percent = !text.empty() && text.back() == '%';
  const std::string_view number = percent ? text.substr(0, text.size() - 1) : text;
  double value = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc() || end != number.data() + number.size() || number.empty()) {
    throw UsageError(fmt::format("bad {} '{}': expected a fraction such as 0.01 or a percentage such as 1%",
                                 option, text));
  }
  if (percent) value /= 100;
  if (!(value > 0 && value < below)) {
    throw UsageError(fmt::format("{} '{}' is out of range: it must be above 0 and below {:g}%", option, text,
                                 below * 100));
  }
  return value;
}

}  // namespace mpibench
