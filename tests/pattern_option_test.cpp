#include "patterns/pattern_option.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace mpibench {
namespace {

constexpr PatternOption window{.flags = "-W,--window", .kind = OptionKind::integer, .default_text = "64"};
constexpr PatternOption work{.flags = "--work-us", .kind = OptionKind::real_list, .default_text = "0,2.5"};
constexpr PatternOption workers{.flags = "--workers", .kind = OptionKind::integer_list, .default_text = ""};
constexpr PatternOption broker{.flags = "--broker", .kind = OptionKind::flag, .default_text = ""};

TEST(PatternOption, NameIsTheLongFlag) {
  EXPECT_EQ(window.name(), "window");
  EXPECT_EQ(work.name(), "work-us");
  constexpr PatternOption test_only{.flags = "--x", .kind = OptionKind::flag};
  EXPECT_TRUE(test_only.hidden());
}

TEST(PatternOption, DefaultsReadAsTheCommandLineWould) {
  EXPECT_EQ(std::get<std::int64_t>(parse_option_value(window, window.default_text)), 64);
  EXPECT_EQ(std::get<std::vector<double>>(parse_option_value(work, work.default_text)),
            (std::vector<double>{0.0, 2.5}));
  EXPECT_TRUE(std::get<std::vector<std::int64_t>>(parse_option_value(workers, "")).empty());
  EXPECT_FALSE(std::get<bool>(parse_option_value(broker, "")));
  EXPECT_THROW(parse_option_value(window, "6 4"), std::invalid_argument);
  EXPECT_THROW(parse_option_value(work, "1,,2"), std::invalid_argument);
}

TEST(OptionValues, TypedReadsOfDeclaredOptions) {
  OptionValues values;
  values.set(window, std::int64_t{8});
  values.set(broker, true);
  EXPECT_EQ(values.integer(window), 8);
  EXPECT_TRUE(values.flag(broker));
  EXPECT_TRUE(values.has(window));
  EXPECT_FALSE(values.has(work));
  EXPECT_THROW(values.reals(work), std::logic_error);  // never declared: a bug
}

}  // namespace
}  // namespace mpibench
