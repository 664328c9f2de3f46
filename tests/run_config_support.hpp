#pragma once
// What tests of the harness's pure pieces build a run from: every pattern option at its
// default, and an option looked up by name.
#include <stdexcept>
#include <string_view>

#include "bench/harness/run_config.hpp"
#include "patterns/catalog.hpp"

namespace mpibench::testing {

inline OptionValues default_pattern_options() {
  OptionValues values;
  for (const PatternOption* option : options_of(pattern_catalog())) {
    values.set(*option, parse_option_value(*option, option->default_text));
  }
  return values;
}

inline const PatternOption& option_named(std::string_view name) {
  for (const PatternOption* option : options_of(pattern_catalog())) {
    if (option->name() == name) return *option;
  }
  throw std::logic_error("no such option");
}

}  // namespace mpibench::testing
