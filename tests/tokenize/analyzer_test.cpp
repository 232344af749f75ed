#include "tokenize/analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../test_support.h"
#include "extract/extractor.h"
#include "extract/front_matter.h"

namespace tonelint {
namespace {

using testing::analyze;
using testing::Analyzed;
using testing::shared_model;

// A token as plain values, comparable across analyze() and for_each_sentence().
struct Flat {
  std::uint32_t offset, length, text_offset, text_length;
  TokenKind kind;
  Lang lang;
  std::string surface, norm, lemma, pos, cform;
  bool operator==(const Flat&) const = default;
};

Flat flatten(const Token& t) {
  return Flat{t.offset,
              t.length,
              t.text_offset,
              t.text_length,
              t.kind,
              t.lang,
              std::string(t.surface),
              std::string(t.norm),
              std::string(t.lemma),
              t.morph ? std::string(t.morph->pos) : "",
              t.morph ? std::string(t.morph->cform) : ""};
}

void PrintTo(const Flat& f, std::ostream* os) { *os << f.offset << "+" << f.length << " " << f.surface; }

struct Streamed {
  std::vector<Sentence> sentences;
  std::vector<std::vector<Flat>> tokens;
};

Streamed stream(const Analyzed& a) {
  Streamed out;
  auto analyzer = Analyzer::create(shared_model());
  EXPECT_TRUE(analyzer.ok());
  if (!analyzer.ok()) return out;
  (*analyzer)->for_each_sentence(*a.doc, [&](const TextBlock&, const Sentence& s, std::span<const Token> tokens) {
    out.sentences.push_back(s);
    auto& list = out.tokens.emplace_back();
    for (const Token& t : tokens) list.push_back(flatten(t));
  });
  return out;
}

const char* const kMarkdown =
    "---\n"
    "tone: {channel: email}\n"
    "---\n"
    "# お知らせ\n"
    "\n"
    "Slackの通知が届かない場合は、Settings > Notifications を確認してください。"
    "詳しくは https://example.com/help を見てね(^_^)\n"
    "\n"
    "- Don't worry 👩‍💻, run `make all` and mail support@example.com.\n"
    "- ＡＢＣ！ｶﾞｲﾄﾞを見れます…でも\n";

TEST(Analyzer, AnalyzeAndStreamAgree) {
  auto a = analyze(kMarkdown, "note.md");
  ASSERT_TRUE(a);
  const Streamed streamed = stream(*a);
  ASSERT_EQ(streamed.sentences.size(), a->analysis.sentences.size());
  ASSERT_GE(streamed.sentences.size(), 6u);
  for (std::size_t i = 0; i < streamed.sentences.size(); ++i) {
    const AnalyzedSentence& as = a->analysis.sentences[i];
    const Sentence& s = streamed.sentences[i];
    EXPECT_EQ(s.offset, as.sentence.offset) << i;
    EXPECT_EQ(s.length, as.sentence.length) << i;
    EXPECT_EQ(s.block, as.sentence.block) << i;
    EXPECT_EQ(s.lang, as.sentence.lang) << i;
    EXPECT_EQ(s.langs.bits, as.sentence.langs.bits) << i;
    std::vector<Flat> whole;
    for (const Token& t : a->analysis.tokens_of(as)) whole.push_back(flatten(t));
    EXPECT_EQ(streamed.tokens[i], whole) << "sentence " << i;
  }
  // Sentence token ranges tile the token list.
  std::uint32_t next = 0;
  for (const AnalyzedSentence& as : a->analysis.sentences) {
    EXPECT_EQ(as.token_begin, next);
    EXPECT_LE(as.token_begin, as.token_end);
    next = as.token_end;
  }
  EXPECT_EQ(next, a->analysis.tokens.size());
}

TEST(Analyzer, ExpectedSentencesOfTheDocument) {
  auto a = analyze(kMarkdown, "note.md");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->sentence_texts(),
            (std::vector<std::string>{
                "お知らせ",
                "Slackの通知が届かない場合は、Settings > Notifications を確認してください。",
                "詳しくは https://example.com/help を見てね(^_^)",
                "Don't worry 👩‍💻, run `make all` and mail support@example.com.",
                "ＡＢＣ！",
                "ｶﾞｲﾄﾞを見れます…",
                "でも",
            }));
}

TEST(Analyzer, EmptyDocument) {
  auto a = analyze("", "empty.txt");
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->analysis.sentences.empty());
  EXPECT_TRUE(a->analysis.tokens.empty());
  EXPECT_TRUE(stream(*a).sentences.empty());
  auto blank = analyze("\n \n\t\n", "blank.md");
  ASSERT_TRUE(blank);
  EXPECT_TRUE(blank->analysis.sentences.empty());
}

TEST(Analyzer, OnlyFrontMatterGivesNoSentences) {
  for (const char* name : {"fm.md", "fm.txt"}) {
    auto a = analyze("---\ntitle: Hello world. This is not prose.\ntone: {channel: chat}\n---\n", name);
    ASSERT_TRUE(a) << name;
    EXPECT_NE(a->doc->front_matter(), nullptr) << name;
    EXPECT_TRUE(a->analysis.sentences.empty()) << name;
    EXPECT_TRUE(a->analysis.tokens.empty()) << name;
    EXPECT_TRUE(stream(*a).sentences.empty()) << name;
  }
}

TEST(Analyzer, TokensMonotonicAndInsideTheirSentence) {
  auto a = analyze(kMarkdown, "note.md");
  ASSERT_TRUE(a);
  std::uint32_t previous_sentence_end = 0;
  for (const AnalyzedSentence& as : a->analysis.sentences) {
    const Sentence& s = as.sentence;
    EXPECT_GE(s.offset, previous_sentence_end);
    previous_sentence_end = s.offset + s.length;
    auto tokens = a->analysis.tokens_of(as);
    EXPECT_FALSE(tokens.empty());
    std::uint32_t previous_end = s.offset;
    for (const Token& t : tokens) {
      EXPECT_GE(t.offset, previous_end) << t.surface;  // ordered, not overlapping
      EXPECT_GT(t.length, 0u) << t.surface;
      EXPECT_LE(t.offset + t.length, s.offset + s.length) << t.surface;
      EXPECT_GE(t.text_offset, s.text_begin) << t.surface;
      EXPECT_LE(t.text_offset + t.text_length, s.text_end) << t.surface;
      previous_end = t.offset + t.length;
    }
  }
}

TEST(Analyzer, VerbatimTokensMatchTheirSourceBytes) {
  // Plain text is block text verbatim; so is this Markdown paragraph.
  auto a = analyze(
      "了解です！明日の10時に伺います。\n"
      "Thanks, see https://example.com (^_^) 👍🏽\n"
      "見れます、でもSlackは使えない…\n",
      "chat.txt");
  ASSERT_TRUE(a);
  ASSERT_FALSE(a->analysis.tokens.empty());
  for (const Token& t : a->analysis.tokens) {
    EXPECT_EQ(a->source->bytes().substr(t.offset, t.length), t.surface);
    EXPECT_EQ(t.length, t.surface.size());
  }
}

TEST(Analyzer, MaskedTokensPointAtWhatTheyHide) {
  // Markdown masks inline code and autolinked URLs/addresses with a placeholder; the
  // token's source span is what was masked.
  auto a = analyze(kMarkdown, "note.md");
  ASSERT_TRUE(a);
  std::vector<std::string> masked;
  for (const Token& t : a->analysis.tokens) {
    if (t.surface != kPlaceholder) {
      EXPECT_EQ(a->source->bytes().substr(t.offset, t.length), t.surface);  // the rest is verbatim
      continue;
    }
    EXPECT_FALSE(is_prose(t.kind));
    masked.emplace_back(a->source->bytes().substr(t.offset, t.length));
  }
  EXPECT_EQ(masked, (std::vector<std::string>{"https://example.com/help", "make all", "support@example.com"}));
  const Token* code = nullptr;
  for (const Token& t : a->analysis.tokens) {
    if (t.kind == TokenKind::kCode) code = &t;
  }
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(a->source->bytes().substr(code->offset, code->length), "make all");
}

TEST(Analyzer, ReusedAnalyzerAppends) {
  auto a = analyze("One. Two.");
  ASSERT_TRUE(a);
  auto analyzer = Analyzer::create(shared_model());
  ASSERT_TRUE(analyzer.ok());
  Analysis twice;
  (*analyzer)->analyze(*a->doc, &twice);
  (*analyzer)->analyze(*a->doc, &twice);
  ASSERT_EQ(twice.sentences.size(), 4u);
  EXPECT_EQ(twice.sentences[2].token_begin, twice.sentences[1].token_end);
  EXPECT_EQ(twice.tokens.size(), 8u);
}

TEST(Analyzer, NullModelIsAnError) {
  EXPECT_FALSE(Analyzer::create(nullptr).ok());
}

}  // namespace
}  // namespace tonelint
