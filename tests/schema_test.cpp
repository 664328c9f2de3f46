#include "results/schema.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <stdexcept>

namespace mpibench {
namespace {

constexpr Column window{"window", "", ColumnRole::configuration, ColumnType::integer, true};
constexpr Column root{"root", "", ColumnRole::configuration, ColumnType::integer, true};
constexpr Column root_bytes{"root_bytes", "B", ColumnRole::size, ColumnType::integer, true};
constexpr Column tasks_done{"tasks_done", "", ColumnRole::result, ColumnType::integer, true};

TEST(Schema, OnlyTheSharedColumnsAreKnownByName) {
  EXPECT_EQ(column_named("bytes").role, ColumnRole::size);
  EXPECT_EQ(column_named("repeat").role, ColumnRole::replicate);
  EXPECT_EQ(column_named("median_us").role, ColumnRole::measurement);
  EXPECT_EQ(column_named("bandwidth_mb_s").role, ColumnRole::result);
  EXPECT_THROW(column_named("median_ms"), std::logic_error);
  EXPECT_THROW(column_named("window"), std::logic_error);  // a pattern's, not shared
}

TEST(Schema, SharedNamesAreUniqueAndCarryTheirUnit) {
  std::set<std::string_view> names;
  for (const Column& column : run_columns({}, {})) {
    EXPECT_TRUE(names.insert(column.name).second) << column.name;
    if (column.name.ends_with("_us")) {
      EXPECT_EQ(column.unit, "us") << column.name;
    }
  }
}

TEST(Schema, PatternColumnsGoAfterBytesAndResultsAtTheEnd) {
  const std::array configuration{root, root_bytes};
  const std::array results{tasks_done};
  const auto columns = run_columns(configuration, results);
  ASSERT_GE(columns.size(), 8u);
  EXPECT_EQ(columns[0].name, "pattern");
  EXPECT_EQ(columns[1].name, "ranks");
  EXPECT_EQ(columns[2].name, "same_host");
  EXPECT_EQ(columns[3].name, "bytes");
  EXPECT_EQ(columns[4].name, "root");
  EXPECT_EQ(columns[5].name, "root_bytes");
  EXPECT_EQ(columns[6].name, "samples");
  EXPECT_EQ(columns[columns.size() - 2].name, "repeat");
  EXPECT_EQ(columns.back().name, "tasks_done");
}

TEST(Schema, AColumnTwoPatternsShareAppearsOnce) {
  const std::array configuration{window, root, root, root_bytes};
  const auto columns = run_columns(configuration, {});
  EXPECT_EQ(columns[4].name, "window");
  EXPECT_EQ(columns[5].name, "root");
  EXPECT_EQ(columns[6].name, "root_bytes");
  EXPECT_EQ(columns[7].name, "samples");
}

TEST(Schema, OneNameDeclaredTwoWaysIsABug) {
  constexpr Column root_as_text{"root", "", ColumnRole::configuration, ColumnType::text, true};
  const std::array configuration{root, root_as_text};
  EXPECT_THROW(run_columns(configuration, {}), std::logic_error);
  const std::array shadowing{Column{"median_us", "ms", ColumnRole::measurement, ColumnType::real, true}};
  EXPECT_THROW(run_columns(shadowing, {}), std::logic_error);
}

TEST(Schema, DescribedForReaders) {
  const auto columns = run_columns({}, {});
  const std::string text = columns_metadata(std::span(columns).first(4));
  EXPECT_EQ(text, "pattern:configuration:-:text ranks:configuration:-:integer "
                  "same_host:configuration:-:text bytes:size:B:integer");
}

}  // namespace
}  // namespace mpibench
