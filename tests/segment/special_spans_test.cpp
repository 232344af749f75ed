#include "segment/special_spans.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace tonelint {
namespace {

struct Found {
  std::string text;
  SpecialKind kind;
  bool operator==(const Found&) const = default;
};

void PrintTo(const Found& f, std::ostream* os) { *os << "{\"" << f.text << "\", " << static_cast<int>(f.kind) << "}"; }

std::vector<Found> spans(std::string_view text, const std::vector<Mask>& masks = {}) {
  std::vector<Found> out;
  for (const SpecialSpan& s : find_special_spans(text, masks)) {
    out.push_back(Found{std::string(text.substr(s.begin, s.end - s.begin)), s.kind});
  }
  return out;
}

// The only special span in `text`, as text; "" when there is none (or several).
std::string only(std::string_view text, SpecialKind kind) {
  const auto found = spans(text);
  if (found.size() != 1 || found[0].kind != kind) return "";
  return found[0].text;
}

// ---- URLs ----

TEST(SpecialSpansUrl, SchemesAndWww) {
  EXPECT_EQ(only("see http://example.com/a/b today", SpecialKind::kUrl), "http://example.com/a/b");
  EXPECT_EQ(only("see https://example.com/path?q=1&r=2#frag today", SpecialKind::kUrl),
            "https://example.com/path?q=1&r=2#frag");
  EXPECT_EQ(only("see www.example.com today", SpecialKind::kUrl), "www.example.com");
  EXPECT_EQ(only("HTTPS://EXAMPLE.COM", SpecialKind::kUrl), "HTTPS://EXAMPLE.COM");
}

TEST(SpecialSpansUrl, BareSchemeIsNotAUrl) {
  EXPECT_TRUE(spans("the http:// prefix").empty());
  EXPECT_TRUE(spans("a www. prefix").empty());
  // "http" inside a word is not the start of a URL.
  EXPECT_TRUE(spans("xhttp://example.com").empty());
}

TEST(SpecialSpansUrl, TrailingSentencePunctuationExcluded) {
  EXPECT_EQ(only("Go to https://example.com.", SpecialKind::kUrl), "https://example.com");
  EXPECT_EQ(only("Go to https://example.com/a, then", SpecialKind::kUrl), "https://example.com/a");
  EXPECT_EQ(only("Really https://example.com/?!", SpecialKind::kUrl), "https://example.com/");
  EXPECT_EQ(only("at https://example.com/x;", SpecialKind::kUrl), "https://example.com/x");
  // A query's '?' inside the URL stays.
  EXPECT_EQ(only("at https://example.com/?q=1.", SpecialKind::kUrl), "https://example.com/?q=1");
}

TEST(SpecialSpansUrl, BalancedParensKeptUnbalancedCloserExcluded) {
  EXPECT_EQ(only("see https://en.wikipedia.org/wiki/Foo_(bar) now", SpecialKind::kUrl),
            "https://en.wikipedia.org/wiki/Foo_(bar)");
  EXPECT_EQ(only("(see https://example.com/a)", SpecialKind::kUrl), "https://example.com/a");
  EXPECT_EQ(only("(see https://en.wikipedia.org/wiki/Foo_(bar)).", SpecialKind::kUrl),
            "https://en.wikipedia.org/wiki/Foo_(bar)");
}

TEST(SpecialSpansUrl, StopsAtJapanese) {
  const std::string text = "詳しくはhttps://example.comを参照";
  const auto found = find_special_spans(text, {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, SpecialKind::kUrl);
  EXPECT_EQ(found[0].begin, std::string("詳しくは").size());
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "https://example.com");
  EXPECT_EQ(text.substr(found[0].end), "を参照");
}

TEST(SpecialSpansUrl, StopsAtSpaceAndAngleBrackets) {
  EXPECT_EQ(only("<https://example.com/x> ok", SpecialKind::kUrl), "https://example.com/x");
  EXPECT_EQ(only("\"https://example.com/x\"", SpecialKind::kUrl), "https://example.com/x");
}

// ---- e-mail ----

TEST(SpecialSpansEmail, Addresses) {
  EXPECT_EQ(only("write to support@example.com today", SpecialKind::kEmail), "support@example.com");
  EXPECT_EQ(only("write to first.last+tag@mail.example.co.jp.", SpecialKind::kEmail),
            "first.last+tag@mail.example.co.jp");
  EXPECT_EQ(only("お問い合わせはinfo@example.jpまで", SpecialKind::kEmail), "info@example.jp");
}

TEST(SpecialSpansEmail, MentionsAndNonAddressesAreNot) {
  EXPECT_TRUE(spans("thanks @alice and @bob.smith!").empty());
  EXPECT_TRUE(spans("user@localhost").empty());  // no dot in the domain
  EXPECT_TRUE(spans("a@b.c").empty());           // one-letter top-level domain
  EXPECT_TRUE(spans("a@example.c0m").empty());   // top-level domain with a digit
  EXPECT_TRUE(spans("@example.com").empty());    // no local part
}

// ---- emoji ----

TEST(SpecialSpansEmoji, Single) {
  EXPECT_EQ(only("ok 😀 fine", SpecialKind::kEmoji), "😀");
  EXPECT_EQ(only("楽しい🎉", SpecialKind::kEmoji), "🎉");
  // ❤️: a text-default pictograph made emoji by VS16, which belongs to it.
  EXPECT_EQ(only("love ❤️ it", SpecialKind::kEmoji), "❤️");
}

TEST(SpecialSpansEmoji, SkinToneIsOneSpan) {
  EXPECT_EQ(only("great 👍🏽 work", SpecialKind::kEmoji), "👍🏽");
  EXPECT_EQ(emoji_sequence_length("👍🏽", 0), std::string("👍🏽").size());
}

TEST(SpecialSpansEmoji, ZwjSequencesAreOneSpan) {
  EXPECT_EQ(only("dev 👩‍💻 here", SpecialKind::kEmoji), "👩‍💻");
  EXPECT_EQ(only("家族👨‍👩‍👧‍👦です", SpecialKind::kEmoji), "👨‍👩‍👧‍👦");
  EXPECT_EQ(emoji_sequence_length("👨‍👩‍👧‍👦", 0), std::string("👨‍👩‍👧‍👦").size());
  // Two emoji side by side are two spans.
  EXPECT_EQ(spans("😀😀"), (std::vector<Found>{{"😀", SpecialKind::kEmoji}, {"😀", SpecialKind::kEmoji}}));
}

TEST(SpecialSpansEmoji, Flags) {
  EXPECT_EQ(only("日本🇯🇵から", SpecialKind::kEmoji), "🇯🇵");
  // Two flags in a row pair up by twos.
  EXPECT_EQ(spans("🇯🇵🇺🇸"), (std::vector<Found>{{"🇯🇵", SpecialKind::kEmoji}, {"🇺🇸", SpecialKind::kEmoji}}));
}

TEST(SpecialSpansEmoji, Keycaps) {
  EXPECT_EQ(only("step 1️⃣ first", SpecialKind::kEmoji), "1️⃣");
  EXPECT_EQ(only("#️⃣", SpecialKind::kEmoji), "#️⃣");
  // Plain digits and '#' are not emoji.
  EXPECT_TRUE(spans("call 123 #4 *5").empty());
  EXPECT_EQ(emoji_sequence_length("1", 0), 0u);
}

TEST(SpecialSpansEmoji, TextPresentationSymbolsAreNot) {
  EXPECT_TRUE(spans("© 2024 Acme™ ®").empty());
  // With VS16 they are emoji.
  EXPECT_EQ(only("Acme™️", SpecialKind::kEmoji), "™️");
  // Kana, kanji and full-width punctuation never are.
  EXPECT_TRUE(spans("こんにちは、世界！ＡＢＣ").empty());
}

// ---- 顔文字 ----

TEST(SpecialSpansKaomoji, Faces) {
  EXPECT_EQ(only("ok (^_^) fine", SpecialKind::kKaomoji), "(^_^)");
  EXPECT_EQ(only("そうなんだ(´・ω・`)", SpecialKind::kKaomoji), "(´・ω・`)");
  EXPECT_EQ(only("よろしく（＾ω＾）", SpecialKind::kKaomoji), "（＾ω＾）");
  EXPECT_EQ(only("ありがとう(T_T)", SpecialKind::kKaomoji), "(T_T)");
}

TEST(SpecialSpansKaomoji, ArmsBelongToTheFace) {
  const std::string text = "やったヽ(・∀・)ﾉ！";
  const auto found = find_special_spans(text, {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, SpecialKind::kKaomoji);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "ヽ(・∀・)ﾉ");
  EXPECT_EQ(found[0].begin, std::string("やった").size());
}

TEST(SpecialSpansKaomoji, ParenthesesAroundWordsAreNot) {
  EXPECT_TRUE(spans("(注) 料金は税込みです").empty());
  EXPECT_TRUE(spans("details (see below) here").empty());
  EXPECT_TRUE(spans("item (1) and (2)").empty());
  EXPECT_TRUE(spans("wait (...) ok").empty());
  EXPECT_TRUE(spans("（詳しくは後述）").empty());
  EXPECT_TRUE(spans("f(x) = (a)").empty());
  EXPECT_TRUE(spans("unclosed (^_^ face").empty());
}

// ---- placeholders ----

TEST(SpecialSpansPlaceholder, MasksBecomeSpans) {
  const std::string p(kPlaceholder);
  const std::string text = "Run " + p + " then open " + p + " or " + p + ".";
  const std::uint32_t first = 4, second = static_cast<std::uint32_t>(4 + p.size() + 11),
                      third = static_cast<std::uint32_t>(second + p.size() + 4);
  ASSERT_EQ(text.substr(third, p.size()), p);
  const std::vector<Mask> masks = {{first, MaskKind::kCode}, {second, MaskKind::kUrl}, {third, MaskKind::kHtml}};
  const auto found = find_special_spans(text, masks);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].begin, first);
  EXPECT_EQ(found[0].end, first + p.size());
  EXPECT_EQ(found[0].kind, SpecialKind::kCode);
  EXPECT_EQ(found[1].begin, second);
  EXPECT_EQ(found[1].kind, SpecialKind::kMaskedUrl);
  EXPECT_EQ(found[2].begin, third);
  EXPECT_EQ(found[2].kind, SpecialKind::kMaskedHtml);
}

TEST(SpecialSpansPlaceholder, UnmaskedReplacementCharacterIsPlainText) {
  // A U+FFFC that was in the source (no mask) is not masked code.
  const std::string text = "a " + std::string(kPlaceholder) + " b";
  EXPECT_TRUE(find_special_spans(text, {}).empty());
}

// ---- mixed ----

TEST(SpecialSpans, OrderedAndNonOverlapping) {
  const std::string text = "Mail a@example.com or see https://x.org/(a) 👩‍💻 (^_^) 🇯🇵 1️⃣ www.example.org.";
  const auto found = find_special_spans(text, {});
  ASSERT_EQ(found.size(), 7u);
  for (std::size_t i = 0; i < found.size(); ++i) {
    EXPECT_LT(found[i].begin, found[i].end);
    if (i > 0) {
      EXPECT_LE(found[i - 1].end, found[i].begin);
    }
  }
  EXPECT_EQ(spans(text), (std::vector<Found>{{"a@example.com", SpecialKind::kEmail},
                                              {"https://x.org/(a)", SpecialKind::kUrl},
                                              {"👩‍💻", SpecialKind::kEmoji},
                                              {"(^_^)", SpecialKind::kKaomoji},
                                              {"🇯🇵", SpecialKind::kEmoji},
                                              {"1️⃣", SpecialKind::kEmoji},
                                              {"www.example.org", SpecialKind::kUrl}}));
}

}  // namespace
}  // namespace tonelint
