#include "patterns/catalog.hpp"

#include <gtest/gtest.h>

#include <set>

namespace mpibench {
namespace {

TEST(Catalog, NamesAreUniqueAndFindable) {
  std::set<std::string_view> names;
  for (const PatternDefinition* definition : pattern_catalog()) {
    EXPECT_TRUE(names.insert(definition->name).second) << definition->name;
    EXPECT_EQ(find_pattern(definition->name), definition);
    EXPECT_GE(definition->min_ranks, 2);
    // A pattern is measured by its own instance or made of steps, never both or neither.
    EXPECT_NE(definition->make == nullptr, definition->steps == nullptr) << definition->name;
    EXPECT_FALSE(definition->summary.empty()) << definition->name;
  }
  EXPECT_EQ(find_pattern("no-such-pattern"), nullptr);
}

TEST(Catalog, EveryDefaultReadsAsItsOwnOption) {
  for (const PatternDefinition* definition : pattern_catalog()) {
    for (const PatternOption* option : definition->options) {
      EXPECT_NO_THROW(parse_option_value(*option, option->default_text))
          << definition->name << " " << option->flags;
    }
  }
}

TEST(Catalog, EveryDefaultIsWrittenBackAsItWasTyped) {
  // The metadata's `options` line writes values with option_value_text; --help shows
  // default_text: a run given no options must say what --help says.
  for (const PatternOption* option : options_of(pattern_catalog())) {
    if (option->default_text.empty() || option->kind == OptionKind::flag) continue;
    EXPECT_EQ(option_value_text(parse_option_value(*option, option->default_text)), option->default_text)
        << option->name();
  }
}

TEST(Catalog, SharedOptionsAreOneDeclaration) {
  // --root is offered by four patterns; `all` offers it once, with one default.
  int roots = 0;
  for (const PatternOption* option : options_of(pattern_catalog())) {
    roots += option->name() == "root" ? 1 : 0;
  }
  EXPECT_EQ(roots, 1);
  std::set<std::string_view> names;
  for (const PatternOption* option : options_of(pattern_catalog())) {
    EXPECT_TRUE(names.insert(option->name()).second) << "two declarations of --" << option->name();
  }
}

TEST(Catalog, ASizelessPatternMeasuresOnceAtZeroBytes) {
  const PatternDefinition* barrier = find_pattern("barrier");
  ASSERT_NE(barrier, nullptr);
  const std::vector<std::uint64_t> asked{8, 1024};
  EXPECT_EQ(barrier->sizes_to_measure(asked), std::vector<std::uint64_t>{0});
  EXPECT_EQ(find_pattern("bcast")->sizes_to_measure(asked), asked);
}

}  // namespace
}  // namespace mpibench
