// The UTF-8 helpers that are more than a call into ICU.
#include "input/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace tonelint {
namespace {

TEST(ToWellFormedUtf8, LeavesWellFormedTextAlone) {
  const std::string text = "ok 了解 \xF0\x9F\x98\x80 \xEF\xBF\xBD";  // emoji, and U+FFFD itself
  EXPECT_EQ(to_well_formed_utf8(text), text);
  EXPECT_EQ(to_well_formed_utf8(""), "");
}

TEST(ToWellFormedUtf8, ReplacesEachIllFormedSequence) {
  // A lone continuation byte, a truncated 3-byte sequence, an overlong '/', a surrogate.
  EXPECT_EQ(to_well_formed_utf8("a\x80z"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(to_well_formed_utf8("\xE4\xBA"), "\xEF\xBF\xBD");
  EXPECT_EQ(to_well_formed_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(to_well_formed_utf8("\xED\xA0\x80!"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!");
  EXPECT_FALSE(find_invalid_utf8(to_well_formed_utf8("\xFF\xFE x \xF4\x90\x80\x80")).has_value());
}

}  // namespace
}  // namespace tonelint
