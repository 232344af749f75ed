#include "input/line_index.h"

#include <gtest/gtest.h>

namespace tonelint {
namespace {

TEST(LineIndexTest, CountsColumnsInCodePointsAndUtf16Units) {
  const std::string text = "ab\n日本語😀x\n";
  LineIndex index(text);
  EXPECT_EQ(index.position(0).line, 1u);
  const Position x = index.position(static_cast<std::uint32_t>(text.find('x')));
  EXPECT_EQ(x.line, 2u);
  EXPECT_EQ(x.column, 5u);        // 日 本 語 😀 x
  EXPECT_EQ(x.utf16_column, 6u);  // 😀 is two UTF-16 units
}

}  // namespace
}  // namespace tonelint
