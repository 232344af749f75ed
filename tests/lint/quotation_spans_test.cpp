#include "lint/quotation_spans.h"

#include <gtest/gtest.h>

#include <string>

namespace tonelint {
namespace {

// The quoted parts of `text`, as strings.
std::vector<std::string> quoted(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& [begin, end] : quotation_spans(text)) out.emplace_back(text.substr(begin, end - begin));
  return out;
}

TEST(QuotationSpansTest, JapaneseAndCurlyMarksPairUpAndNest) {
  EXPECT_EQ(quoted("書籍「Cache『Deep』Dive」を読む"),
            (std::vector<std::string>{"「Cache『Deep』Dive」", "『Deep』"}));
  EXPECT_EQ(quoted("She said “stop” and ‘wait’."), (std::vector<std::string>{"“stop”", "‘wait’"}));
}

TEST(QuotationSpansTest, AnUnclosedCurlyOrJapaneseQuotationRunsToTheEnd) {
  EXPECT_EQ(quoted("件名は「お知らせ のまま"), (std::vector<std::string>{"「お知らせ のまま"}));
}

TEST(QuotationSpansTest, StraightMarksCountOnlyWhenClosed) {
  EXPECT_EQ(quoted("Type \"yes\" then 'no' here."), (std::vector<std::string>{"\"yes\"", "'no'"}));
  EXPECT_TRUE(quoted("Songs of the '90s were loud.").empty());
  EXPECT_TRUE(quoted("We've shipped, it's done.").empty());
}

TEST(QuotationSpansTest, ACurlyApostropheInsideAWordClosesNothing) {
  EXPECT_EQ(quoted("‘don’t stop’ now"), (std::vector<std::string>{"‘don’t stop’"}));
}

TEST(QuotationSpansTest, InQuotationTellsAnOffsetInsideFromOneOutside) {
  const std::string text = "a \"b\" c";
  const auto spans = quotation_spans(text);
  EXPECT_FALSE(in_quotation(spans, 0));
  EXPECT_TRUE(in_quotation(spans, 3));
  EXPECT_FALSE(in_quotation(spans, 6));
}

}  // namespace
}  // namespace tonelint
