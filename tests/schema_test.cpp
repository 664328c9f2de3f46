#include "results/schema.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "patterns/catalog.hpp"

namespace mpibench {
namespace {

TEST(Schema, EveryColumnAPatternNamesIsDeclared) {
  for (const PatternEntry& entry : pattern_catalog()) {
    for (const auto name : entry.variant_columns) EXPECT_NO_THROW(column_named(name)) << entry.name;
    for (const auto name : entry.result_columns) EXPECT_NO_THROW(column_named(name)) << entry.name;
  }
}

TEST(Schema, AnUndeclaredColumnIsABug) {
  EXPECT_THROW(column_named("median_ms"), std::logic_error);
  EXPECT_THROW(run_columns({"window", "colour"}), std::logic_error);
}

TEST(Schema, NamesAreUniqueAndCarryTheirUnit) {
  std::set<std::string_view> names;
  for (const Column& column : declared_columns()) {
    EXPECT_TRUE(names.insert(column.name).second) << column.name;
    if (column.name.ends_with("_us")) {
      EXPECT_EQ(column.unit, "us") << column.name;
    }
  }
}

TEST(Schema, SizesAreNotPartOfAConfiguration) {
  // root_bytes and elements follow from bytes and ranks: a configuration that included them
  // would be a new one at every size.
  EXPECT_EQ(column_named("bytes").role, ColumnRole::size);
  EXPECT_EQ(column_named("root_bytes").role, ColumnRole::size);
  EXPECT_EQ(column_named("elements").role, ColumnRole::size);
  EXPECT_EQ(column_named("root").role, ColumnRole::configuration);
  EXPECT_EQ(column_named("repeat").role, ColumnRole::replicate);
  EXPECT_EQ(column_named("median_us").role, ColumnRole::measurement);
  EXPECT_EQ(column_named("bandwidth_mb_s").role, ColumnRole::result);
}

TEST(Schema, RunColumnsKeepTheDeclaredOrder) {
  const auto columns = run_columns({"root_bytes", "root"});
  ASSERT_GE(columns.size(), 6u);
  EXPECT_EQ(columns[0].name, "pattern");
  EXPECT_EQ(columns[1].name, "ranks");
  EXPECT_EQ(columns[2].name, "bytes");
  EXPECT_EQ(columns[3].name, "root");
  EXPECT_EQ(columns[4].name, "root_bytes");
  EXPECT_EQ(columns[5].name, "samples");
  EXPECT_EQ(columns.back().name, "repeat");
}

TEST(Schema, DescribedForReaders) {
  const auto columns = run_columns({});
  const std::string text = describe_columns(std::span(columns).first(3));
  EXPECT_EQ(text, "pattern:configuration:-:text ranks:configuration:-:integer bytes:size:B:integer");
}

}  // namespace
}  // namespace mpibench
