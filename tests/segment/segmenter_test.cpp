#include "segment/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "../test_support.h"
#include "extract/extractor.h"

namespace tonelint {
namespace {

using testing::source_of;

std::unique_ptr<Segmenter> make_segmenter() {
  auto segmenter = Segmenter::create();
  EXPECT_TRUE(segmenter.ok());
  return segmenter.ok() ? std::move(*segmenter) : nullptr;
}

// One block whose text is `text` itself, mapped verbatim at source offset `base`.
struct Segmented {
  std::string text;
  TextBlock block;
  std::vector<SpecialSpan> specials;
  std::vector<Sentence> sentences;

  std::vector<std::string> texts() const {
    std::vector<std::string> out;
    for (const Sentence& s : sentences) out.push_back(text.substr(s.text_begin, s.text_end - s.text_begin));
    return out;
  }
};

std::unique_ptr<Segmented> segment_text(std::string text, std::uint32_t base = 0) {
  auto out = std::make_unique<Segmented>();
  out->text = std::move(text);
  out->block.text = out->text;
  out->block.map.append_verbatim(base, static_cast<std::uint32_t>(out->text.size()));
  make_segmenter()->segment(out->block, 7, &out->specials, &out->sentences);
  return out;
}

std::vector<std::string> sentences_of(std::string text) { return segment_text(std::move(text))->texts(); }

// Extracts a file (format by `name`) and returns its sentences as source text.
std::vector<std::string> file_sentences(const std::string& bytes, const std::string& name) {
  auto source = source_of(bytes, name);
  if (!source) return {};
  auto doc = extractor_for_path(name).extract(*source);
  EXPECT_TRUE(doc.ok()) << doc.status().to_string();
  if (!doc.ok()) return {};
  auto segmenter = make_segmenter();
  std::vector<std::string> out;
  std::vector<SpecialSpan> specials;
  for (std::uint32_t b = 0; b < doc->blocks().size(); ++b) {
    std::vector<Sentence> sentences;
    segmenter->segment(doc->blocks()[b], b, &specials, &sentences);
    for (const Sentence& s : sentences) out.emplace_back(source->bytes().substr(s.offset, s.length));
  }
  return out;
}

using Texts = std::vector<std::string>;

TEST(SegmenterEnglish, Sentences) {
  EXPECT_EQ(sentences_of("Hello there. How are you? Great!"), (Texts{"Hello there.", "How are you?", "Great!"}));
}

TEST(SegmenterEnglish, AbbreviationDoesNotSplit) {
  EXPECT_EQ(sentences_of("Mr. Smith will call you. He is nice."), (Texts{"Mr. Smith will call you.", "He is nice."}));
  EXPECT_EQ(sentences_of("Ask them, e.g. by phone."), (Texts{"Ask them, e.g. by phone."}));
}

TEST(SegmenterEnglish, UrlWithQuestionMarkDoesNotSplit) {
  EXPECT_EQ(sentences_of("Open https://example.com/?q=1 and check. Done?"),
            (Texts{"Open https://example.com/?q=1 and check.", "Done?"}));
  EXPECT_EQ(sentences_of("Open https://example.com/a?b. Then go."),
            (Texts{"Open https://example.com/a?b.", "Then go."}));
}

TEST(SegmenterJapanese, Terminators) {
  EXPECT_EQ(sentences_of("ありがとうございます。また明日！本当ですか？はい。"),
            (Texts{"ありがとうございます。", "また明日！", "本当ですか？", "はい。"}));
}

TEST(SegmenterJapanese, EllipsisEndsASentenceBeforeJapanese) {
  EXPECT_EQ(sentences_of("そうですね…でも違います。"), (Texts{"そうですね…", "でも違います。"}));
  EXPECT_EQ(sentences_of("えっと……はい。"), (Texts{"えっと……", "はい。"}));
  // Followed by a closing quote, the quote stays with it.
  EXPECT_EQ(sentences_of("「そうですね…」と言った。"), (Texts{"「そうですね…」と言った。"}));
  // At the end of the text there is nothing to split.
  EXPECT_EQ(sentences_of("そうですね…"), (Texts{"そうですね…"}));
}

TEST(SegmenterJapanese, QuotationKeptInOneSentence) {
  EXPECT_EQ(sentences_of("「はい。そうです。」と言った。"), (Texts{"「はい。そうです。」と言った。"}));
  EXPECT_EQ(sentences_of("『はい！』って返事した。"), (Texts{"『はい！』って返事した。"}));
}

TEST(SegmenterJapanese, QuotationAfterAnotherSentence) {
  // The 「 opens the next sentence; it must not stay behind with the previous one.
  EXPECT_EQ(sentences_of("でも違います。「はい。そうです。」と言った。"),
            (Texts{"でも違います。", "「はい。そうです。」と言った。"}));
}

TEST(SegmenterEnglish, OpeningBracketAfterTerminatorStartsNextSentence) {
  EXPECT_EQ(sentences_of("Done.(Really.) Yes."), (Texts{"Done.", "(Really.)", "Yes."}));
  EXPECT_EQ(sentences_of("He left. \u201CBye.\u201D"), (Texts{"He left.", "\u201CBye.\u201D"}));
}

TEST(SegmenterJapanese, ParenthesesKeepTheirSentence) {
  EXPECT_EQ(sentences_of("料金（税込み。送料別。）をご確認ください。次へ。"),
            (Texts{"料金（税込み。送料別。）をご確認ください。", "次へ。"}));
  EXPECT_EQ(sentences_of("Call us (we are open 9 to 5. Really.) any time. Bye."),
            (Texts{"Call us (we are open 9 to 5. Really.) any time.", "Bye."}));
}

TEST(SegmenterJapanese, UnbalancedParenDoesNotGlueLines) {
  EXPECT_EQ(sentences_of("(えっと\n次の行です\n最後"), (Texts{"(えっと", "次の行です", "最後"}));
}

TEST(SegmenterLineBreaks, PlainTextLineBreakEndsSentence) {
  EXPECT_EQ(file_sentences("了解です\nありがとうございます\nok thanks\n", "chat.txt"),
            (Texts{"了解です", "ありがとうございます", "ok thanks"}));
}

TEST(SegmenterLineBreaks, MarkdownSoftBreakDoesNot) {
  EXPECT_EQ(file_sentences("This sentence is\nwrapped here. Next one.\n", "doc.md"),
            (Texts{"This sentence is\nwrapped here.", "Next one."}));
  EXPECT_EQ(file_sentences("この文は\n折り返されています。次の文。\n", "doc.md"),
            (Texts{"この文は\n折り返されています。", "次の文。"}));
}

TEST(SegmenterLineBreaks, MarkdownHardBreakDoes) {
  EXPECT_EQ(file_sentences("First part  \nsecond part\n", "doc.md"), (Texts{"First part", "second part"}));
}

TEST(SegmenterLang, PerSentence) {
  auto s = segment_text("こんにちは。Hello there. カタカナ。漢字。123!");
  ASSERT_EQ(s->texts(), (Texts{"こんにちは。", "Hello there.", "カタカナ。", "漢字。", "123!"}));
  EXPECT_EQ(s->sentences[0].lang, Lang::kJa);
  EXPECT_EQ(s->sentences[1].lang, Lang::kEn);
  EXPECT_TRUE(s->sentences[1].langs.has(Lang::kEn));
  EXPECT_FALSE(s->sentences[1].langs.has(Lang::kJa));
  EXPECT_EQ(s->sentences[2].lang, Lang::kJa);
  EXPECT_EQ(s->sentences[3].lang, Lang::kJa);
  EXPECT_EQ(s->sentences[4].lang, Lang::kNone);
  EXPECT_TRUE(s->sentences[4].langs.empty());
  EXPECT_STREQ(lang_name(Lang::kJa), "ja");
  EXPECT_STREQ(lang_name(Lang::kEn), "en");
  EXPECT_STREQ(lang_name(Lang::kNone), "none");
}

TEST(SegmenterLang, MixedSentenceIsJapaneseWithBoth) {
  auto s = segment_text("Slackの通知が届かない場合は、Settings > Notifications を確認してください。");
  ASSERT_EQ(s->sentences.size(), 1u);
  EXPECT_EQ(s->sentences[0].lang, Lang::kJa);
  EXPECT_TRUE(s->sentences[0].langs.has(Lang::kJa));
  EXPECT_TRUE(s->sentences[0].langs.has(Lang::kEn));
}

TEST(SegmenterLang, FullWidthLatinIsEnglish) {
  auto s = segment_text("ＡＢＣ");
  ASSERT_EQ(s->sentences.size(), 1u);
  EXPECT_EQ(s->sentences[0].lang, Lang::kEn);
}

TEST(SegmenterOffsets, TrimmedAndExact) {
  // Leading/trailing spaces (ASCII, ideographic, tabs) are not part of a sentence.
  const std::string text = "  Hello there.   \u3000次の文。\t ";
  auto s = segment_text(text, 100);
  ASSERT_EQ(s->texts(), (Texts{"Hello there.", "次の文。"}));
  const Sentence& a = s->sentences[0];
  EXPECT_EQ(a.block, 7u);
  EXPECT_EQ(a.text_begin, 2u);
  EXPECT_EQ(a.text_end, 14u);
  EXPECT_EQ(a.offset, 102u);
  EXPECT_EQ(a.length, 12u);
  const Sentence& b = s->sentences[1];
  const auto begin = static_cast<std::uint32_t>(text.find("次"));
  EXPECT_EQ(b.text_begin, begin);
  EXPECT_EQ(b.text_end, begin + std::string("次の文。").size());
  EXPECT_EQ(b.offset, 100 + begin);
  EXPECT_EQ(b.length, std::string("次の文。").size());
  EXPECT_FALSE(a.forced_split);
}

TEST(SegmenterOffsets, SourceOffsetsThroughExtractor) {
  const std::string bytes = "# Title\n\nFirst one. Second one.\n";
  auto source = source_of(bytes, "doc.md");
  ASSERT_TRUE(source);
  auto doc = extractor_for_path("doc.md").extract(*source);
  ASSERT_TRUE(doc.ok());
  auto segmenter = make_segmenter();
  std::vector<Sentence> sentences;
  std::vector<SpecialSpan> specials;
  for (std::uint32_t b = 0; b < doc->blocks().size(); ++b) segmenter->segment(doc->blocks()[b], b, &specials, &sentences);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0].offset, 2u);  // "Title" after "# "
  EXPECT_EQ(sentences[0].length, 5u);
  EXPECT_EQ(sentences[0].block, 0u);
  EXPECT_EQ(sentences[1].offset, bytes.find("First"));
  EXPECT_EQ(sentences[1].length, 10u);
  EXPECT_EQ(sentences[2].offset, bytes.find("Second"));
  EXPECT_EQ(sentences[2].length, 11u);
  EXPECT_EQ(sentences[2].block, 1u);
}

TEST(SegmenterOffsets, EmptyAndBlankBlocks) {
  EXPECT_TRUE(sentences_of("").empty());
  EXPECT_TRUE(sentences_of("   \n\t \u3000").empty());
}

TEST(SegmenterOffsets, SpecialsFilledForTheBlock) {
  auto s = segment_text("See https://example.com. 😀");
  ASSERT_EQ(s->specials.size(), 2u);
  EXPECT_EQ(s->specials[0].kind, SpecialKind::kUrl);
  EXPECT_EQ(s->specials[1].kind, SpecialKind::kEmoji);
  EXPECT_EQ(s->texts(), (Texts{"See https://example.com.", "😀"}));
}

TEST(SegmenterForcedSplit, LongSentenceCutAtSpace) {
  std::string text;
  while (text.size() < 3 * kMaxSentenceBytes) text += "word ";
  text += "end.";
  auto s = segment_text(text);
  ASSERT_GE(s->sentences.size(), 3u);
  std::uint32_t previous_end = 0;
  for (std::size_t i = 0; i < s->sentences.size(); ++i) {
    const Sentence& sentence = s->sentences[i];
    EXPECT_LE(sentence.text_end - sentence.text_begin, kMaxSentenceBytes);
    EXPECT_GE(sentence.text_begin, previous_end);
    previous_end = sentence.text_end;
    // Cut between words: every piece is whole words.
    EXPECT_EQ(text.substr(sentence.text_begin, 4), "word");
    EXPECT_TRUE(sentence.text_begin == 0 || text[sentence.text_begin - 1] == ' ');
    EXPECT_TRUE(sentence.text_end == text.size() || text[sentence.text_end] == ' ');
    EXPECT_EQ(sentence.forced_split, i + 1 < s->sentences.size());
  }
  EXPECT_EQ(s->texts().back().substr(s->texts().back().size() - 4), "end.");
}

TEST(SegmenterForcedSplit, JapaneseCutAtTouten) {
  std::string text;
  while (text.size() < 2 * kMaxSentenceBytes) text += "これは長い文です、";
  auto s = segment_text(text);
  ASSERT_GE(s->sentences.size(), 2u);
  for (const Sentence& sentence : s->sentences) {
    EXPECT_LE(sentence.text_end - sentence.text_begin, kMaxSentenceBytes);
    // Pieces start right after a 、 (or at the start), and end with one.
    EXPECT_EQ(text.substr(sentence.text_begin, 3), "こ");
    EXPECT_EQ(text.substr(sentence.text_end - 3, 3), "、");
  }
}

TEST(SegmenterForcedSplit, NoSpacesCutsAtCodePointBoundary) {
  std::string text;
  while (text.size() < 2 * kMaxSentenceBytes + 100) text += "あ";
  auto s = segment_text(text);
  ASSERT_EQ(s->sentences.size(), 3u);
  std::uint32_t covered = 0;
  for (const Sentence& sentence : s->sentences) {
    EXPECT_EQ(sentence.text_begin, covered);
    EXPECT_EQ(sentence.text_begin % 3, 0u);  // never inside a character
    EXPECT_LE(sentence.text_end - sentence.text_begin, kMaxSentenceBytes);
    covered = sentence.text_end;
  }
  EXPECT_EQ(covered, text.size());
}

TEST(SegmenterForcedSplit, NeverInsideAUrl) {
  // A long URL straddles the place where the cut would go.
  std::string text;
  while (text.size() < kMaxSentenceBytes - 300) text += "word ";
  const std::string url = "https://example.com/" + std::string(1000, 'a');
  text += url + " tail tail tail";
  auto s = segment_text(text);
  ASSERT_EQ(s->sentences.size(), 2u);
  const auto url_begin = static_cast<std::uint32_t>(text.find(url));
  EXPECT_TRUE(s->sentences[0].forced_split);
  EXPECT_LE(s->sentences[0].text_end, url_begin);
  EXPECT_EQ(s->sentences[1].text_begin, url_begin);
  EXPECT_EQ(s->texts()[1], url + " tail tail tail");
}

TEST(SegmenterForcedSplit, NeverInsideAUrlWithoutSpaces) {
  // No space or comma in the second half of the window: the code-point cut would land
  // inside the URL and must move to the URL's start.
  std::string text = "a " + std::string(kMaxSentenceBytes - 200, '-');
  const std::string url = "https://example.com/" + std::string(1000, 'a');
  text += url;
  auto s = segment_text(text);
  ASSERT_EQ(s->sentences.size(), 2u);
  EXPECT_EQ(s->sentences[1].text_begin, text.find(url));
  EXPECT_EQ(s->texts()[1], url);
}

}  // namespace
}  // namespace tonelint
