#include "extract/plain_text_extractor.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/front_matter.h"
#include "extracted.h"

namespace tonelint {
namespace {

using ::tonelint::testing::Extracted;
using ::tonelint::testing::source_of;
using ::tonelint::testing::extract_with;


Extracted extract_text(std::string bytes, std::string name = "reply.txt") {
  return extract_with(PlainTextExtractor(), std::move(bytes), std::move(name));
}

// Each block is a view into the source at its map's offset, and maps byte for byte.
void expect_views_into_source(const Extracted& e) {
  const std::string_view bytes = e.source->bytes();
  for (const TextBlock& b : e.doc->blocks()) {
    ASSERT_GE(b.text.data(), bytes.data());
    ASSERT_LE(b.text.data() + b.text.size(), bytes.data() + bytes.size());
    const auto offset = static_cast<std::uint32_t>(b.text.data() - bytes.data());
    EXPECT_EQ(b.map.text_length(), b.text.size());
    EXPECT_EQ(b.map.to_source_begin(0), offset);
    EXPECT_EQ(b.map.to_source_end(static_cast<std::uint32_t>(b.text.size())), offset + b.text.size());
    EXPECT_TRUE(b.masks.empty());
    EXPECT_EQ(b.kind, BlockKind::kParagraph);
  }
}

using Texts = std::vector<std::string>;

TEST(PlainTextExtractorTest, ParagraphsSplitAtBlankLines) {
  const std::string text = "Hello there.\nSecond line.\n\nNew paragraph.\n";
  auto e = extract_text(text);
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  EXPECT_EQ(e.doc->format(), "text");
  EXPECT_EQ(e.texts(), (Texts{"Hello there.\nSecond line.", "New paragraph."}));
  ASSERT_EQ(e.doc->blocks().size(), 2u);
  EXPECT_EQ(e.doc->blocks()[0].text.data(), e.source->bytes().data());
  EXPECT_EQ(e.doc->blocks()[1].text.data(), e.source->bytes().data() + text.find("New"));
  EXPECT_EQ(e.doc->front_matter(), nullptr);
  expect_views_into_source(e);
}

TEST(PlainTextExtractorTest, WhitespaceOnlyLinesAreBlank) {
  auto e = extract_text("one\n   \ntwo\n \t \nthree");
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  EXPECT_EQ(e.texts(), (Texts{"one", "two", "three"}));
  expect_views_into_source(e);
}

TEST(PlainTextExtractorTest, CrlfBlankLinesSplit) {
  const std::string text = "a line\r\nmore\r\n\r\nnext\r\n  \r\nlast\r\n";
  auto e = extract_text(text);
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  // Line breaks inside a paragraph are kept as they are; the trailing one is not.
  EXPECT_EQ(e.texts(), (Texts{"a line\r\nmore", "next", "last"}));
  ASSERT_EQ(e.doc->blocks().size(), 3u);
  EXPECT_EQ(e.doc->blocks()[1].map.to_source_begin(0), text.find("next"));
  EXPECT_EQ(e.doc->blocks()[2].map.to_source_begin(0), text.find("last"));
  expect_views_into_source(e);
}

TEST(PlainTextExtractorTest, LoneCrBlankLinesSplit) {
  auto e = extract_text("a\rb\r\rc\r");
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  EXPECT_EQ(e.texts(), (Texts{"a\rb", "c"}));
  expect_views_into_source(e);
}

TEST(PlainTextExtractorTest, RunsOfBlankLinesMakeNoEmptyBlocks) {
  auto e = extract_text("\n\n  \nfirst\n\n\n\n\nsecond\n\n\n");
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  EXPECT_EQ(e.texts(), (Texts{"first", "second"}));
  expect_views_into_source(e);
}

TEST(PlainTextExtractorTest, IndentationAndTrailingSpacesStayInTheBlock) {
  // Offsets must be exact, so nothing inside a line is trimmed.
  auto e = extract_text("  indented line  \nnext\n");
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  EXPECT_EQ(e.texts(), (Texts{"  indented line  \nnext"}));
  expect_views_into_source(e);
}

TEST(PlainTextExtractorTest, JapaneseText) {
  const std::string text = "お世話になっております。\n本日はご連絡します。\n\nよろしくお願いします。";
  auto e = extract_text(text);
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  EXPECT_EQ(e.texts(), (Texts{"お世話になっております。\n本日はご連絡します。", "よろしくお願いします。"}));
  EXPECT_EQ(e.doc->blocks()[1].map.to_source_begin(0), text.find("よろしく"));
  expect_views_into_source(e);
}

TEST(PlainTextExtractorTest, BomIsNotPartOfTheFirstBlock) {
  auto e = extract_text("\xEF\xBB\xBFHello\n");
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  EXPECT_EQ(e.texts(), (Texts{"Hello"}));
  EXPECT_EQ(e.doc->blocks()[0].map.to_source_begin(0), 3u);
  expect_views_into_source(e);
}

TEST(PlainTextExtractorTest, FrontMatterIsSkippedAndParsed) {
  const std::string fm = "---\ntone: {channel: chat, emotion: upset}\n---\n";
  const std::string text = fm + "Sorry about that.\n\nWe are on it.\n";
  auto e = extract_text(text);
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  EXPECT_EQ(e.texts(), (Texts{"Sorry about that.", "We are on it."}));
  EXPECT_EQ(e.doc->blocks()[0].map.to_source_begin(0), fm.size());
  ASSERT_NE(e.doc->front_matter(), nullptr);
  const FrontMatter& front = *e.doc->front_matter();
  EXPECT_EQ(front.offset, 0u);
  EXPECT_EQ(front.length, fm.size());
  EXPECT_EQ(front.data["tone"]["channel"].as<std::string>(), "chat");
  EXPECT_EQ(front.data["tone"]["emotion"].as<std::string>(), "upset");
  expect_views_into_source(e);
}

TEST(PlainTextExtractorTest, FrontMatterWithoutBlankLineBeforeBody) {
  auto e = extract_text("---\na: 1\n---\nBody right after.");
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  EXPECT_EQ(e.texts(), (Texts{"Body right after."}));
  EXPECT_NE(e.doc->front_matter(), nullptr);
}

TEST(PlainTextExtractorTest, OnlyFrontMatterGivesNoBlocks) {
  for (const char* text : {"---\ntone: {channel: chat}\n---\n", "---\ntone: {channel: chat}\n---",
                           "---\r\ntone: {channel: chat}\r\n...\r\n\r\n  \r\n"}) {
    auto e = extract_text(text);
    ASSERT_TRUE(e.status.ok()) << e.status.to_string();
    EXPECT_TRUE(e.doc->blocks().empty()) << text;
    ASSERT_NE(e.doc->front_matter(), nullptr) << text;
    EXPECT_EQ(e.doc->front_matter()->data["tone"]["channel"].as<std::string>(), "chat");
  }
}

TEST(PlainTextExtractorTest, UnclosedFenceIsText) {
  auto e = extract_text("---\nnot front matter\n");
  ASSERT_TRUE(e.status.ok()) << e.status.to_string();
  EXPECT_EQ(e.doc->front_matter(), nullptr);
  EXPECT_EQ(e.texts(), (Texts{"---\nnot front matter"}));
}

TEST(PlainTextExtractorTest, EmptyAndBlankFilesGiveNoBlocks) {
  for (const char* text : {"", "\n", "\r\n\r\n", "   \n\t\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\n"}) {
    auto e = extract_text(text);
    ASSERT_TRUE(e.status.ok()) << e.status.to_string();
    EXPECT_TRUE(e.doc->blocks().empty()) << '"' << text << '"';
    EXPECT_EQ(e.doc->front_matter(), nullptr);
  }
}

TEST(PlainTextExtractorTest, ExtractorForPathPicksByExtension) {
  EXPECT_EQ(extractor_for_path("reply.txt").format(), "text");
  EXPECT_EQ(extractor_for_path("README").format(), "text");
  EXPECT_EQ(extractor_for_path("notes.unknown").format(), "text");
  EXPECT_EQ(extractor_for_path("docs.md/reply").format(), "text");  // the dot is in a folder
  EXPECT_EQ(extractor_for_path("post.md").format(), "markdown");
  EXPECT_EQ(extractor_for_path("POST.MD").format(), "markdown");
  EXPECT_EQ(extractor_for_path("dir/page.mdx").format(), "mdx");
  EXPECT_EQ(extractor_for_path("a.markdown").format(), "markdown");
  ASSERT_NE(extractor_for_format("text"), nullptr);
  EXPECT_EQ(extractor_for_format("text")->format(), "text");
  ASSERT_NE(extractor_for_format("md"), nullptr);
  EXPECT_EQ(extractor_for_format("md")->format(), "markdown");
  EXPECT_EQ(extractor_for_format("docx"), nullptr);
}

}  // namespace
}  // namespace tonelint
