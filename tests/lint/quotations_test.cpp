// Quotation marks in a block of prose (lint/quotations.h): which ranges are quoted, and
// where an apostrophe or a stray mark quotes nothing.
#include "lint/quotations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace tonelint {
namespace {

// The quoted strings of `text`, in text order; `ends` are its sentence ends.
std::vector<std::string> quoted(std::string_view text, std::vector<std::uint32_t> ends = {}) {
  std::vector<TextRange> ranges = quoted_ranges(text, ends);
  std::sort(ranges.begin(), ranges.end(), [](const TextRange& a, const TextRange& b) { return a.begin < b.begin; });
  std::vector<std::string> out;
  for (const TextRange& r : ranges) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

using Strings = std::vector<std::string>;

TEST(QuotationsTest, JapaneseBracketsQuoteWhatTheyEnclose) {
  EXPECT_EQ(quoted("「ぶっちゃけ」は使いません。"), Strings{"ぶっちゃけ"});
  EXPECT_EQ(quoted("書名は『敬語の基本』です。"), Strings{"敬語の基本"});
}

TEST(QuotationsTest, BracketsNestAndEachPairIsQuoted) {
  EXPECT_EQ(quoted("「『了解』ではなく『承知』と書く」とあります。"),
            (Strings{"『了解』ではなく『承知』と書く", "了解", "承知"}));
  EXPECT_EQ(quoted("「外「内」外」"), Strings{"外「内」外"});
}

TEST(QuotationsTest, CurlyAndStraightQuotesInEnglish) {
  EXPECT_EQ(quoted("Never open with “Hey guys” in a reply."), Strings{"Hey guys"});
  EXPECT_EQ(quoted("Skip ‘awesome’ here."), Strings{"awesome"});
  EXPECT_EQ(quoted("We say \"thanks\" and 'sorry' when it fits."), (Strings{"thanks", "sorry"}));
}

TEST(QuotationsTest, ApostrophesQuoteNothing) {
  EXPECT_TRUE(quoted("We don't know the customers' plans for the '90s.").empty());
  EXPECT_TRUE(quoted("We don’t know the customers’ plans.").empty());
  EXPECT_TRUE(quoted("It's the team's call, isn't it?").empty());
}

TEST(QuotationsTest, AQuotedWordMayEndInS) {
  EXPECT_EQ(quoted("Avoid 'guys' in greetings."), Strings{"guys"});
  EXPECT_EQ(quoted("Avoid ‘folks’, too."), Strings{"folks"});
}

TEST(QuotationsTest, InchMarksAndLoneSingleQuotesQuoteNothing) {
  EXPECT_TRUE(quoted("The 13\" model ships today.").empty());
  EXPECT_TRUE(quoted("Rock 'n roll, as they say.").empty());
}

TEST(QuotationsTest, AStrayOpeningMarkQuotesOnlyToTheEndOfItsSentence) {
  const std::string text = "「承知しました。次の文は普通の文です。";
  const auto first_end = static_cast<std::uint32_t>(text.find("次"));
  EXPECT_EQ(quoted(text, {first_end, static_cast<std::uint32_t>(text.size())}), Strings{"承知しました。"});
  const std::string english = "He said “hello. This sentence is ours.";
  const auto end = static_cast<std::uint32_t>(english.find(" This"));
  EXPECT_EQ(quoted(english, {end, static_cast<std::uint32_t>(english.size())}), Strings{"hello."});
}

TEST(QuotationsTest, AClosingMarkIsLookedForAcrossSentencesOfTheBlock) {
  const std::string text = "「ご不便をおかけしました。すぐに直します。」と伝えます。";
  const auto first_end = static_cast<std::uint32_t>(text.find("すぐ"));
  EXPECT_EQ(quoted(text, {first_end, static_cast<std::uint32_t>(text.size())}),
            Strings{"ご不便をおかけしました。すぐに直します。"});
}

TEST(QuotationsTest, TextWithoutMarksQuotesNothing) {
  EXPECT_TRUE(quoted("Thanks for writing in; we will look into it today.").empty());
  EXPECT_TRUE(quoted("").empty());
  EXPECT_TRUE(quoted("「」").empty());  // an empty pair quotes no byte
}

}  // namespace
}  // namespace tonelint
