// Use and mention (lint/mentions.h): which words of a draft are named rather than used.
// Each construction in Japanese and English, the lists and tables of words to avoid, and
// the guards: apostrophes, ordinary "like", headings that only look like warnings.
#include "lint/mentions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace tonelint {
namespace {

using Strings = std::vector<std::string>;

// The mentioned stretches of `text` (extracted by the extension of `name`), in order.
Strings mentioned(const std::string& text, const std::string& name = "draft.txt") {
  auto analyzed = testing::analyze(text, name);
  if (!analyzed) return {"<no analysis>"};
  const Mentions mentions = Mentions::find(*analyzed->doc, analyzed->analysis);
  Strings out;
  for (const SourceRange& r : mentions.ranges()) out.push_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

// ---- quotation marks ----

TEST(MentionsTest, QuotedWordsAreMentioned) {
  EXPECT_EQ(mentioned("お客様に「助かります」と伝えます。"), Strings{"助かります"});
  EXPECT_EQ(mentioned("Please don't write \"ASAP\" in a reply."), Strings{"ASAP"});
}

TEST(MentionsTest, ApostrophesAreNotQuotes) {
  EXPECT_TRUE(mentioned("We don't share our customers' data, and it's safe.").empty());
}

// ---- NG-word constructions, Japanese ----

TEST(MentionsTest, JapaneseWordsBeforeNoYounaHyougen) {
  EXPECT_EQ(mentioned("ぶっちゃけやガチのような表現は避けます。"), Strings{"ぶっちゃけやガチ"});
  EXPECT_EQ(mentioned("社内では、了解といった言葉は使いません。"), Strings{"了解"});
  EXPECT_EQ(mentioned("ダメなどの言い回しも控えます。"), Strings{"ダメ"});
}

TEST(MentionsTest, JapaneseWordsBeforeWaTsukaimasen) {
  EXPECT_EQ(mentioned("返信では、ぶっちゃけは使いません。"), Strings{"ぶっちゃけ"});
  EXPECT_EQ(mentioned("ガチなどは避けます。"), Strings{"ガチ"});
  EXPECT_EQ(mentioned("了解とは書きません。"), Strings{"了解"});
}

TEST(MentionsTest, BothWordsOfAPreferencePairAreMentioned) {
  EXPECT_EQ(mentioned("Our editors prefer staff to manpower and chair to chairman in every notice."),
            (Strings{"staff", "manpower", "chair", "chairman"}));
  EXPECT_EQ(mentioned("We prefer allowlist over whitelist."), (Strings{"allowlist", "whitelist"}));
  // A plain preference names no words.
  EXPECT_TRUE(mentioned("We prefer to wait until Monday.").empty());
  EXPECT_TRUE(mentioned("We'd prefer you to update the app first.").empty());
}

TEST(MentionsTest, AQuotedItemIsLeftToTheQuotes) {
  EXPECT_EQ(mentioned("「了解」という言葉は使いません。"), Strings{"了解"});
}

TEST(MentionsTest, OrdinaryJapaneseUseIsNotAMention) {
  EXPECT_TRUE(mentioned("明日は使います。ご案内のような手順で進めます。").empty());
}

// ---- NG-word constructions, English ----

TEST(MentionsTest, EnglishWordsLikeAndSuchAs) {
  EXPECT_EQ(mentioned("Avoid words like guys, folks, or dude when you greet a customer."),
            Strings{"words like guys, folks, or dude"});
  EXPECT_EQ(mentioned("Skip phrases such as no worries in an apology."), Strings{"no worries"});
}

TEST(MentionsTest, EnglishAvoidInsteadOfDontSay) {
  EXPECT_EQ(mentioned("Avoid ASAP in customer mail."), Strings{"ASAP"});
  EXPECT_EQ(mentioned("Write use instead of utilize, please."), Strings{"utilize"});
  EXPECT_EQ(mentioned("Don't say you forgot."), Strings{"you forgot"});
}

TEST(MentionsTest, EnglishIsBannedAndIsOffLimits) {
  EXPECT_EQ(mentioned("The word awesome is banned."), Strings{"The word awesome"});
  EXPECT_EQ(mentioned("Dude is off-limits."), Strings{"Dude"});
}

TEST(MentionsTest, LikeAsAVerbIsNotAConstruction) {
  EXPECT_TRUE(mentioned("I'd like to help you today.").empty());
  EXPECT_TRUE(mentioned("We would like your feedback, and we like hearing from you.").empty());
}

// ---- lists and tables of words to avoid (Markdown) ----

TEST(MentionsTest, ListItemsUnderAnAvoidHeadingUpToTheNextHeading) {
  const std::string md =
      "# Voice\n\n## Words to avoid\n\nThey sound careless.\n\n- guys\n- ASAP\n\n### More of them\n\n- dude\n\n"
      "## Greetings\n\n- Hi there\n";
  EXPECT_EQ(mentioned(md, "guide.md"), (Strings{"guys", "ASAP", "dude"}));
}

TEST(MentionsTest, AHeadingOfTheCueAloneOrOfWordsToAvoid) {
  EXPECT_EQ(mentioned("### NG\n\n- ガチで\n\n### OK\n\n- 本当に\n", "guide.md"), Strings{"ガチで"});
  EXPECT_EQ(mentioned("## 避けたい言葉\n\n- ぶっちゃけ\n", "guide.md"), Strings{"ぶっちゃけ"});
  EXPECT_EQ(mentioned("## Don't\n\n- Hey guys\n", "guide.md"), Strings{"Hey guys"});
}

TEST(MentionsTest, ListItemsRightAfterASentenceThatIntroducesThem) {
  const std::string md = "次の表現は使いません。\n\n- ぶっちゃけ\n- ガチ\n\n本文です。\n\n- 手順一\n";
  const Strings got = mentioned(md, "guide.md");
  EXPECT_NE(std::find(got.begin(), got.end(), "ぶっちゃけ"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "ガチ"), got.end());
  EXPECT_EQ(std::find(got.begin(), got.end(), "手順一"), got.end());
}

TEST(MentionsTest, ATableColumnNamedNgOrDont) {
  const std::string md = "| OK | NG |\n|---|---|\n| 承知しました | 了解です |\n| ありがとうございます | どうも |\n";
  EXPECT_EQ(mentioned(md, "guide.md"), (Strings{"了解です", "どうも"}));
  const std::string en = "| Do | Don't |\n|---|---|\n| Hello | Hey guys |\n|  | Yo |\n";
  EXPECT_EQ(mentioned(en, "guide.md"), (Strings{"Hey guys", "Yo"}));
}

TEST(MentionsTest, AHeadingThatOnlyLooksLikeAWarningIntroducesNothing) {
  EXPECT_TRUE(mentioned("## Don't lose your work\n\n- Save often\n- Back up weekly\n", "guide.md").empty());
  // It says "without" or "avoid", but of a thing, not of words.
  EXPECT_TRUE(mentioned("# 外部ライブラリを使わない構成\n\n- 手順を確認します\n", "guide.md").empty());
  EXPECT_TRUE(mentioned("## 再読み込みを避けたい場合\n\n- 設定を保存します\n", "guide.md").empty());
  // ("avoid downtime" is the construction, so "downtime" is mentioned; the list is not.)
  EXPECT_EQ(mentioned("## How to avoid downtime\n\n- Plan a window\n", "guide.md"), Strings{"downtime"});
  EXPECT_TRUE(mentioned("| Step | Action |\n|---|---|\n| 1 | Save often |\n", "guide.md").empty());
}

TEST(MentionsTest, AnExampleAfterAnNgLabel) {
  EXPECT_EQ(mentioned("OK：恐れ入りますが、対応できかねます\nNG：ぶっちゃけ無理です\n"), Strings{"ぶっちゃけ無理です"});
  EXPECT_EQ(mentioned("- Don't: Hey guys!\n- Do: Hello everyone.\n", "guide.md"), Strings{"Hey guys!"});
}

TEST(MentionsTest, AnIntroducedListAfterAColonInTheSameSentence) {
  EXPECT_EQ(mentioned("Avoid these words: dude, awesome."), (Strings{"these words", "dude, awesome"}));
}

// ---- quoted replies ----

TEST(MentionsTest, QuotedLinesOfAPlainTextReplyAreTheCustomers) {
  const std::string text = "> Your app is garbage and I want a refund!\nThanks for writing to us.\n";
  EXPECT_EQ(mentioned(text), Strings{"Your app is garbage and I want a refund!"});
}

TEST(MentionsTest, CodeIsMaskedBeforeMentionsAreLookedFor) {
  // Inline code reaches no rule at all (the extractor masks it); nothing here is mentioned.
  EXPECT_TRUE(mentioned("Run `tonelint check` today.\n", "guide.md").empty());
}

}  // namespace
}  // namespace tonelint
