#include "tokenize/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "../test_support.h"
#include "tokenize/normalizer.h"

namespace tonelint {
namespace {

using testing::analyze;
using testing::Analyzed;
using Strings = std::vector<std::string>;

std::string source_bytes(const Analyzed& a, const Token& t) {
  return std::string(a.source->bytes().substr(t.offset, t.length));
}

// The lemma tonelint gives a single English word (what `lemmas:` patterns match on).
std::string english_lemma(const std::string& word) {
  auto a = analyze(word + " ok");
  if (!a || a->analysis.tokens.empty()) return "<none>";
  return std::string(a->analysis.tokens[0].lemma);
}

const std::string kMixed = "Slackの通知が届かない場合は、Settings > Notifications を確認してください。";

TEST(TokenizerMixed, Surfaces) {
  auto a = analyze(kMixed);
  ASSERT_TRUE(a);
  ASSERT_EQ(a->analysis.sentences.size(), 1u);
  EXPECT_EQ(a->surfaces(), (Strings{"Slack", "の", "通知", "が", "届か", "ない", "場合", "は", "、", "Settings", ">",
                                    "Notifications", "を", "確認", "し", "て", "ください", "。"}));
}

TEST(TokenizerMixed, EnglishWordsInsideJapanese) {
  auto a = analyze(kMixed);
  ASSERT_TRUE(a);
  for (std::string_view word : {"Slack", "Settings", "Notifications"}) {
    const Token* t = a->find(word);
    ASSERT_NE(t, nullptr) << word;
    EXPECT_EQ(t->lang, Lang::kEn) << word;
    EXPECT_EQ(t->kind, TokenKind::kWord) << word;
  }
  EXPECT_EQ(a->find("Slack")->norm, "slack");
  EXPECT_EQ(a->find("Settings")->norm, "settings");
  EXPECT_EQ(a->find("Notifications")->norm, "notifications");
  // English lemmas are Snowball stems of the norm, the same as in an English sentence.
  EXPECT_EQ(a->find("Slack")->lemma, "slack");
  EXPECT_EQ(a->find("Settings")->lemma, english_lemma("settings"));
  EXPECT_EQ(a->find("Notifications")->lemma, english_lemma("notifications"));
  const Token* gt = a->find(">");
  ASSERT_NE(gt, nullptr);
  EXPECT_EQ(gt->kind, TokenKind::kSymbol);
  EXPECT_EQ(gt->morph, nullptr);  // MeCab's guess for an ASCII symbol is not kept
}

TEST(TokenizerMixed, JapaneseMorphology) {
  auto a = analyze(kMixed);
  ASSERT_TRUE(a);
  const Token* todoka = a->find("届か");
  ASSERT_NE(todoka, nullptr);
  ASSERT_NE(todoka->morph, nullptr);
  EXPECT_EQ(todoka->lang, Lang::kJa);
  EXPECT_EQ(todoka->morph->pos, "動詞");
  EXPECT_EQ(todoka->morph->pos1, "自立");
  EXPECT_EQ(todoka->morph->ctype, "五段・カ行イ音便");
  EXPECT_EQ(todoka->morph->cform, "未然形");
  EXPECT_EQ(todoka->morph->base, "届く");
  EXPECT_EQ(todoka->morph->reading, "トドカ");
  EXPECT_EQ(todoka->lemma, "届く");
  EXPECT_EQ(todoka->norm, "届か");

  const Token* kudasai = a->find("ください");
  ASSERT_NE(kudasai, nullptr);
  ASSERT_NE(kudasai->morph, nullptr);
  EXPECT_EQ(kudasai->morph->pos, "動詞");
  EXPECT_EQ(kudasai->morph->pos1, "非自立");
  EXPECT_EQ(kudasai->lemma, "くださる");

  const Token* shi = a->find("し");
  ASSERT_NE(shi, nullptr);
  EXPECT_EQ(shi->lemma, "する");
  EXPECT_EQ(shi->morph->ctype, "サ変・スル");
  EXPECT_EQ(shi->morph->cform, "連用形");

  const Token* touten = a->find("、");
  ASSERT_NE(touten, nullptr);
  EXPECT_EQ(touten->kind, TokenKind::kPunct);
  const Token* kuten = a->find("。");
  ASSERT_NE(kuten, nullptr);
  EXPECT_EQ(kuten->kind, TokenKind::kPunct);
  EXPECT_EQ(kuten->morph->pos1, "句点");

  // Unconjugated words have no 活用.
  const Token* tsuuchi = a->find("通知");
  ASSERT_NE(tsuuchi, nullptr);
  EXPECT_EQ(tsuuchi->morph->pos, "名詞");
  EXPECT_EQ(tsuuchi->morph->pos1, "サ変接続");
  EXPECT_TRUE(tsuuchi->morph->ctype.empty());
  EXPECT_TRUE(tsuuchi->morph->cform.empty());
  EXPECT_EQ(tsuuchi->morph->reading, "ツウチ");
}

TEST(TokenizerMixed, OffsetsIntoOriginalBytes) {
  // A prefix line moves everything: offsets are file offsets, not sentence offsets.
  const std::string bytes = "前置き。\n" + kMixed + "\n";
  auto a = analyze(bytes);
  ASSERT_TRUE(a);
  const std::size_t base = bytes.find("Slack");
  const Token* slack = a->find("Slack");
  ASSERT_NE(slack, nullptr);
  EXPECT_EQ(slack->offset, base);
  EXPECT_EQ(slack->length, 5u);
  const Token* todoka = a->find("届か");
  ASSERT_NE(todoka, nullptr);
  EXPECT_EQ(todoka->offset, bytes.find("届か"));
  EXPECT_EQ(todoka->length, 6u);
  const Token* notif = a->find("Notifications");
  EXPECT_EQ(notif->offset, bytes.find("Notifications"));
  EXPECT_EQ(notif->length, 13u);
  for (const Token& t : a->analysis.tokens) EXPECT_EQ(source_bytes(*a, t), t.surface);
}

TEST(TokenizerNormalization, FullWidthLatinInEnglishSentence) {
  const std::string bytes = "ＡＢＣ！";
  auto a = analyze(bytes);
  ASSERT_TRUE(a);
  ASSERT_EQ(a->surfaces(), (Strings{"ＡＢＣ", "！"}));
  const Token& abc = a->analysis.tokens[0];
  EXPECT_EQ(abc.norm, "abc");
  EXPECT_EQ(abc.lang, Lang::kEn);
  EXPECT_EQ(abc.kind, TokenKind::kWord);
  EXPECT_EQ(abc.offset, 0u);
  EXPECT_EQ(abc.length, 9u);  // three full-width letters, three bytes each
  const Token& bang = a->analysis.tokens[1];
  EXPECT_EQ(bang.norm, "!");
  EXPECT_EQ(bang.kind, TokenKind::kPunct);
  EXPECT_EQ(bang.offset, 9u);
  EXPECT_EQ(bang.length, 3u);
}

TEST(TokenizerNormalization, FullWidthInsideJapaneseSentence) {
  // The MeCab path normalizes the sentence and maps offsets back.
  const std::string bytes = "ＡＢＣの価格は１００円です！";
  auto a = analyze(bytes);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->surfaces(), (Strings{"ＡＢＣ", "の", "価格", "は", "１００", "円", "です", "！"}));
  const Token* abc = a->find("ＡＢＣ");
  ASSERT_NE(abc, nullptr);
  EXPECT_EQ(abc->norm, "abc");
  EXPECT_EQ(abc->lang, Lang::kEn);
  EXPECT_EQ(abc->offset, 0u);
  EXPECT_EQ(abc->length, 9u);
  const Token* number = a->find("１００");
  ASSERT_NE(number, nullptr);
  EXPECT_EQ(number->kind, TokenKind::kNumber);
  EXPECT_EQ(number->norm, "100");
  EXPECT_EQ(number->offset, bytes.find("１００"));
  EXPECT_EQ(number->length, 9u);
  const Token* bang = a->find("！");
  ASSERT_NE(bang, nullptr);
  EXPECT_EQ(bang->norm, "!");
  EXPECT_EQ(bang->kind, TokenKind::kPunct);
  EXPECT_EQ(bang->offset, bytes.size() - 3);
  EXPECT_EQ(bang->length, 3u);
}

TEST(TokenizerNormalization, HalfWidthKatakana) {
  const std::string bytes = "ｶﾀｶﾅとｶﾞです。";
  auto a = analyze(bytes);
  ASSERT_TRUE(a);
  ASSERT_EQ(a->surfaces(), (Strings{"ｶﾀｶﾅ", "と", "ｶﾞ", "です", "。"}));
  const Token& katakana = a->analysis.tokens[0];
  EXPECT_EQ(katakana.norm, "カタカナ");
  EXPECT_EQ(katakana.lang, Lang::kJa);
  EXPECT_EQ(katakana.offset, 0u);
  EXPECT_EQ(katakana.length, 12u);
  ASSERT_NE(katakana.morph, nullptr);
  EXPECT_EQ(katakana.morph->reading, "カタカナ");
  // ｶﾞ is two code points (ｶ + ﾞ) that NFKC composes into one: the token covers both.
  const Token& ga = a->analysis.tokens[2];
  EXPECT_EQ(ga.norm, "ガ");
  EXPECT_EQ(ga.offset, bytes.find("ｶﾞ"));
  EXPECT_EQ(ga.length, 6u);
  EXPECT_EQ(source_bytes(*a, ga), "ｶﾞ");
  EXPECT_EQ(a->analysis.tokens[3].offset, bytes.find("です"));
}

TEST(TokenizerNormalization, HalfWidthVoicedWord) {
  const std::string bytes = "ｶﾞｲﾄﾞを見て。";
  auto a = analyze(bytes);
  ASSERT_TRUE(a);
  ASSERT_EQ(a->surfaces(), (Strings{"ｶﾞｲﾄﾞ", "を", "見", "て", "。"}));
  EXPECT_EQ(a->analysis.tokens[0].norm, "ガイド");
  EXPECT_EQ(a->analysis.tokens[0].length, 15u);
  EXPECT_EQ(a->analysis.tokens[1].offset, 15u);
}

TEST(TokenizerNormalization, NormalizerMapsBack) {
  auto normalizer = Normalizer::create();
  ASSERT_TRUE(normalizer.ok());
  std::string out;
  SourceMap map;
  EXPECT_FALSE(normalizer->nfkc_with_map("already normal かな", &out, &map));
  const std::string text = "aｶﾞb";  // 1 + 6 + 1 bytes -> "aガb" 1 + 3 + 1
  ASSERT_TRUE(normalizer->nfkc_with_map(text, &out, &map));
  EXPECT_EQ(out, "aガb");
  EXPECT_EQ(map.to_source_begin(1), 1u);
  EXPECT_EQ(map.to_source_end(4), 7u);
  EXPECT_EQ(map.to_source_begin(4), 7u);
  Arena arena;
  EXPECT_EQ(normalizer->fold("Don't", &arena), "don't");
  EXPECT_EQ(normalizer->fold("ＡＢＣ", &arena), "abc");
  const std::string_view plain = "abc";
  EXPECT_EQ(normalizer->fold(plain, &arena).data(), plain.data());  // no copy when already folded
}

TEST(TokenizerEnglish, ContractionIsOneToken) {
  auto a = analyze("Don't worry, we can't fail.");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->surfaces(), (Strings{"Don't", "worry", ",", "we", "can't", "fail", "."}));
  const Token& dont = a->analysis.tokens[0];
  EXPECT_EQ(dont.norm, "don't");
  EXPECT_EQ(dont.lang, Lang::kEn);
  EXPECT_EQ(dont.kind, TokenKind::kWord);
  EXPECT_EQ(dont.morph, nullptr);
  EXPECT_EQ(a->analysis.tokens[2].kind, TokenKind::kPunct);
  EXPECT_EQ(a->analysis.tokens[2].lang, Lang::kNone);
}

TEST(TokenizerEnglish, StemsMakeMatchingInflectionInsensitive) {
  EXPECT_EQ(english_lemma("running"), "run");
  EXPECT_EQ(english_lemma("runs"), "run");
  EXPECT_EQ(english_lemma("run"), "run");
  // What a `lemmas: [verify]` rule needs: every form of the verb has the same lemma.
  const std::string verify = english_lemma("verify");
  EXPECT_EQ(english_lemma("verified"), verify);
  EXPECT_EQ(english_lemma("verifies"), verify);
  EXPECT_EQ(english_lemma("verifying"), verify);
  EXPECT_EQ(english_lemma("Verified"), verify);  // case folded before stemming
  // Snowball is a suffix stemmer: irregular forms are not unified with their verb.
  EXPECT_EQ(english_lemma("forgot"), "forgot");
  EXPECT_EQ(english_lemma("forgetting"), "forget");
  EXPECT_NE(english_lemma("forgot"), english_lemma("forget"));
  EXPECT_EQ(english_lemma("ran"), "ran");
}

TEST(TokenizerEnglish, Numbers) {
  auto a = analyze("It costs $1,234.50 or 3 items.");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->surfaces(), (Strings{"It", "costs", "$", "1,234.50", "or", "3", "items", "."}));
  EXPECT_EQ(a->find("1,234.50")->kind, TokenKind::kNumber);
  EXPECT_EQ(a->find("3")->kind, TokenKind::kNumber);
  EXPECT_EQ(a->find("$")->kind, TokenKind::kSymbol);
  EXPECT_EQ(a->find("1,234.50")->lemma, "1,234.50");  // numbers are not stemmed
}

TEST(TokenizerEnglish, Punctuation) {
  auto a = analyze("Wait... really?! (Yes) \"ok\"; fine: done.");
  ASSERT_TRUE(a);
  for (const Token& t : a->analysis.tokens) {
    const bool word = t.surface == "Wait" || t.surface == "really" || t.surface == "Yes" || t.surface == "ok" ||
                      t.surface == "fine" || t.surface == "done";
    EXPECT_EQ(t.kind, word ? TokenKind::kWord : TokenKind::kPunct) << t.surface;
    if (!word) {
      EXPECT_EQ(t.surface.size(), 1u) << t.surface;  // one mark per token
    }
  }
}

TEST(TokenizerSpecial, EmojiZwjSequenceInJapaneseAndEnglish) {
  const std::string family = "👨‍👩‍👧‍👦";
  auto ja = analyze("家族" + family + "で行く。");
  ASSERT_TRUE(ja);
  EXPECT_EQ(ja->surfaces(), (Strings{"家族", family, "で", "行く", "。"}));
  const Token* e1 = ja->find(family);
  ASSERT_NE(e1, nullptr);
  EXPECT_EQ(e1->kind, TokenKind::kEmoji);
  EXPECT_EQ(e1->offset, 6u);
  EXPECT_EQ(e1->length, family.size());
  EXPECT_EQ(e1->morph, nullptr);

  auto en = analyze("Family " + family + " trip.");
  ASSERT_TRUE(en);
  EXPECT_EQ(en->surfaces(), (Strings{"Family", family, "trip", "."}));
  EXPECT_EQ(en->find(family)->kind, TokenKind::kEmoji);
  EXPECT_EQ(en->find(family)->offset, 7u);

  auto dev = analyze("Dev 👩‍💻 and 👍🏽 ok");
  ASSERT_TRUE(dev);
  EXPECT_EQ(dev->surfaces(), (Strings{"Dev", "👩‍💻", "and", "👍🏽", "ok"}));
}

TEST(TokenizerSpecial, KaomojiIsOneToken) {
  auto a = analyze("本当に(^_^)嬉しい。");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->surfaces(), (Strings{"本当に", "(^_^)", "嬉しい", "。"}));
  EXPECT_EQ(a->find("(^_^)")->kind, TokenKind::kKaomoji);
  auto b = analyze("そうなんだヽ(・∀・)ﾉ");
  ASSERT_TRUE(b);
  ASSERT_FALSE(b->analysis.tokens.empty());
  EXPECT_EQ(b->analysis.tokens.back().surface, "ヽ(・∀・)ﾉ");
  EXPECT_EQ(b->analysis.tokens.back().kind, TokenKind::kKaomoji);
}

TEST(TokenizerSpecial, UrlAndEmailNotSplit) {
  const std::string bytes = "詳細はhttps://example.com/a?b=1を参照、連絡はinfo@example.jpまで。";
  auto a = analyze(bytes);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->surfaces(), (Strings{"詳細", "は", "https://example.com/a?b=1", "を", "参照", "、", "連絡", "は",
                                    "info@example.jp", "まで", "。"}));
  const Token* url = a->find("https://example.com/a?b=1");
  EXPECT_EQ(url->kind, TokenKind::kUrl);
  EXPECT_EQ(url->offset, bytes.find("https"));
  EXPECT_FALSE(is_prose(url->kind));
  EXPECT_EQ(a->find("info@example.jp")->kind, TokenKind::kEmail);

  auto en = analyze("Visit https://example.com/x. Mail me at a.b@example.org, thanks.");
  ASSERT_TRUE(en);
  EXPECT_EQ(en->surfaces(), (Strings{"Visit", "https://example.com/x", ".", "Mail", "me", "at", "a.b@example.org",
                                     ",", "thanks", "."}));
  EXPECT_EQ(en->find("https://example.com/x")->kind, TokenKind::kUrl);
  EXPECT_EQ(en->find("a.b@example.org")->kind, TokenKind::kEmail);
}

TEST(TokenizerSpecial, MarkdownInlineCode) {
  const std::string bytes = "Run `make all` now.\n";
  auto a = analyze(bytes, "doc.md");
  ASSERT_TRUE(a);
  ASSERT_EQ(a->analysis.tokens.size(), 4u);
  const Token& code = a->analysis.tokens[1];
  EXPECT_EQ(code.kind, TokenKind::kCode);
  EXPECT_FALSE(is_prose(code.kind));
  EXPECT_EQ(code.surface, kPlaceholder);  // the block text holds a placeholder
  EXPECT_EQ(code.offset, bytes.find("make all"));
  EXPECT_EQ(code.length, 8u);
  EXPECT_EQ(a->analysis.tokens[2].surface, "now");
  EXPECT_EQ(a->analysis.tokens[2].offset, bytes.find("now"));

  auto ja = analyze("`npm install`を実行してください。\n", "doc.md");
  ASSERT_TRUE(ja);
  ASSERT_FALSE(ja->analysis.tokens.empty());
  EXPECT_EQ(ja->analysis.tokens[0].kind, TokenKind::kCode);
  EXPECT_EQ(ja->analysis.tokens[0].offset, 1u);
  EXPECT_EQ(ja->analysis.tokens[0].length, 11u);
  EXPECT_EQ(ja->analysis.tokens[1].surface, "を");
}

TEST(TokenizerJapanese, Conjugation) {
  auto a = analyze("見れます。");
  ASSERT_TRUE(a);
  ASSERT_EQ(a->surfaces(), (Strings{"見れ", "ます", "。"}));
  const Token& mire = a->analysis.tokens[0];
  ASSERT_NE(mire.morph, nullptr);
  EXPECT_EQ(mire.morph->pos, "動詞");
  EXPECT_EQ(mire.morph->ctype, "一段");
  EXPECT_EQ(mire.morph->cform, "連用形");
  EXPECT_EQ(mire.morph->base, "見れる");
  EXPECT_EQ(mire.lemma, "見れる");
  EXPECT_EQ(mire.morph->reading, "ミレ");
  const Token& masu = a->analysis.tokens[1];
  ASSERT_NE(masu.morph, nullptr);
  EXPECT_EQ(masu.morph->pos, "助動詞");
  EXPECT_EQ(masu.morph->ctype, "特殊・マス");
  EXPECT_EQ(masu.morph->cform, "基本形");
  EXPECT_EQ(masu.lemma, "ます");
}

TEST(TokenizerJapanese, ReadingsPresent) {
  auto a = analyze("明日は会議があります。");
  ASSERT_TRUE(a);
  for (const Token& t : a->analysis.tokens) {
    ASSERT_NE(t.morph, nullptr) << t.surface;
    EXPECT_FALSE(t.morph->reading.empty()) << t.surface;
    EXPECT_EQ(t.lang, Lang::kJa) << t.surface;
  }
  EXPECT_EQ(a->find("明日")->morph->reading, "アシタ");
  EXPECT_EQ(a->find("会議")->morph->reading, "カイギ");
}

TEST(TokenizerJapanese, MorphsInterned) {
  // The same word twice shares one Morph.
  auto a = analyze("はい。はい。");
  ASSERT_TRUE(a);
  ASSERT_EQ(a->surfaces(), (Strings{"はい", "。", "はい", "。"}));
  EXPECT_EQ(a->analysis.tokens[0].morph, a->analysis.tokens[2].morph);
  EXPECT_EQ(token_kind_name(TokenKind::kEmoji), std::string("emoji"));
}

}  // namespace
}  // namespace tonelint
