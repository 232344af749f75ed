#include "engine/document_names.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tonelint {
namespace {

TEST(DocumentNamesTest, CountsWordsWrittenInCapitalsOnTheirOwn) {
  auto analyzed = testing::analyze("The PRO plan and the TEAM plan differ: PRO has one seat.");
  ASSERT_TRUE(analyzed);
  const DocumentNames names(*analyzed->doc, analyzed->analysis);
  EXPECT_EQ(names.capitals_count("PRO"), 2u);
  EXPECT_EQ(names.capitals_count("TEAM"), 1u);
  EXPECT_EQ(names.capitals_count("The"), 0u);
}

TEST(DocumentNamesTest, ARunOfCapitalsIsAShoutNotAName) {
  auto analyzed = testing::analyze("YOUR CARD IS DUE. YOUR CARD IS DUE.");
  ASSERT_TRUE(analyzed);
  const DocumentNames names(*analyzed->doc, analyzed->analysis);
  EXPECT_EQ(names.capitals_count("YOUR"), 0u);
}

TEST(DocumentNamesTest, WordsOfInlineCodeAreKnownAsCode) {
  auto analyzed = testing::analyze("Run `git switch master` and set `PLAN=FREE` first.", "doc.md");
  ASSERT_TRUE(analyzed);
  const DocumentNames names(*analyzed->doc, analyzed->analysis);
  EXPECT_TRUE(names.written_as_code("master"));
  EXPECT_TRUE(names.written_as_code("plan"));
  EXPECT_FALSE(names.written_as_code("first"));
  EXPECT_EQ(names.capitals_count("FREE"), 1u);
}

TEST(DocumentNamesTest, IsAllCapitalsNeedsTwoCapitalsAndNoLowercase) {
  EXPECT_TRUE(is_all_capitals("CRUD"));
  EXPECT_TRUE(is_all_capitals("B2B"));
  EXPECT_FALSE(is_all_capitals("I"));
  EXPECT_FALSE(is_all_capitals("Free"));
}

TEST(DocumentNamesTest, BeginsSentenceAfterAnEndMarkICUDidNotBreakAt) {
  auto analyzed = testing::analyze("UTILIZE IT. As per plan.");
  ASSERT_TRUE(analyzed);
  const auto& tokens = analyzed->analysis.tokens;
  ASSERT_EQ(analyzed->analysis.sentences.size(), 1u);
  std::uint32_t then = 0;
  while (then < tokens.size() && tokens[then].surface != "As") ++then;
  ASSERT_LT(then, tokens.size());
  EXPECT_TRUE(begins_sentence(tokens, 0, 0));
  EXPECT_TRUE(begins_sentence(tokens, 0, then));
  EXPECT_FALSE(begins_sentence(tokens, 0, then + 1));
}

}  // namespace
}  // namespace tonelint

namespace tonelint {
namespace {

TEST(DocumentNamesTest, TellsADocumentWrittenMostlyInJapanese) {
  auto ja = testing::analyze("設定を開きます。\n保存します。\nSee the FAQ.\n");
  ASSERT_TRUE(ja);
  EXPECT_TRUE(DocumentNames(*ja->doc, ja->analysis).mainly_japanese());
  auto en = testing::analyze("Open the settings.\nSave them.\n保存します。\n");
  ASSERT_TRUE(en);
  EXPECT_FALSE(DocumentNames(*en->doc, en->analysis).mainly_japanese());
}

}  // namespace
}  // namespace tonelint
