#include "extract/markdown_extractor.h"

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
using ::tonelint::testing::expect_bytes_map_back;
using Texts = std::vector<std::string>;



Extracted extract_md(std::string bytes, std::string name = "draft.md") {
  const Extractor& extractor = extractor_for_path(name);
  Extracted e = extract_with(extractor, std::move(bytes), std::move(name));
  if (!e.status.ok()) return e;
  EXPECT_EQ(e.doc->format(), "markdown");
  expect_bytes_map_back(e);
  return e;
}

void expect_absent(const Extracted& e, std::string_view word) {
  EXPECT_EQ(e.all_text().find(word), std::string::npos) << "'" << word << "' leaked into prose:\n" << e.all_text();
}

// --- Non-prose never reaches the text ---------------------------------------------------

TEST(MarkdownExtractorTest, FencedCodeIsNotProse) {
  auto e = extract_md("Intro line.\n\n```js\nconst secretfenced = 1;\n```\n\n~~~\ntildefenced\n~~~\n\nOutro.\n");
  EXPECT_EQ(e.texts(), (Texts{"Intro line.", "Outro."}));
  expect_absent(e, "secretfenced");
  expect_absent(e, "tildefenced");
  expect_absent(e, "js");
}

TEST(MarkdownExtractorTest, IndentedCodeIsNotProse) {
  auto e = extract_md("Before.\n\n    indentedsecret here\n    more code\n\nAfter.\n");
  EXPECT_EQ(e.texts(), (Texts{"Before.", "After."}));
  expect_absent(e, "indentedsecret");
}

TEST(MarkdownExtractorTest, InlineCodeBecomesAMaskedPlaceholder) {
  const std::string text = "Run `npm install` now.\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  EXPECT_EQ(b.text, "Run " + std::string(kPlaceholder) + " now.");
  ASSERT_EQ(b.masks.size(), 1u);
  EXPECT_EQ(b.masks[0].text_offset, 4u);
  EXPECT_EQ(b.masks[0].kind, MaskKind::kCode);
  // The placeholder stands for the code's bytes in the source.
  EXPECT_EQ(b.map.to_source_begin(4), text.find("npm"));
  EXPECT_EQ(b.map.to_source_end(4 + 3), text.find("npm") + 11);
  EXPECT_EQ(e.source_of_span(b, 4, 7), "npm install");
  // Text around it still maps exactly.
  EXPECT_EQ(b.map.to_source_begin(7), text.find(" now"));
  expect_absent(e, "npm");
}

TEST(MarkdownExtractorTest, InlineCodeWithDoubleBackticksAndEntities) {
  // Nothing inside a code span is decoded or kept, even what looks like an entity.
  auto e = extract_md("Type ``a `tick` &amp; more`` here.\n");
  ASSERT_EQ(e.blocks().size(), 1u);
  EXPECT_EQ(e.blocks()[0].text, "Type " + std::string(kPlaceholder) + " here.");
  EXPECT_EQ(e.source_of_span(e.blocks()[0], 5, 8), "a `tick` &amp; more");
}

TEST(MarkdownExtractorTest, InlineCodeAcrossLinesMapsToItsOwnBytes) {
  // md4c hands the line break inside a code span over as a " " that is not in the source.
  const std::string text = "Use `some\ncode` then stop.\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  EXPECT_EQ(b.text, "Use " + std::string(kPlaceholder) + " then stop.");
  EXPECT_EQ(e.source_of_span(b, 4, 7), "some\ncode");
  EXPECT_EQ(b.map.to_source_begin(7), text.find(" then"));
}

TEST(MarkdownExtractorTest, AngleAutolinkIsAMaskedUrl) {
  const std::string text = "See <https://example.com/path?q=1> today.\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  EXPECT_EQ(b.text, "See " + std::string(kPlaceholder) + " today.");
  ASSERT_EQ(b.masks.size(), 1u);
  EXPECT_EQ(b.masks[0].kind, MaskKind::kUrl);
  EXPECT_EQ(e.source_of_span(b, 4, 7), "https://example.com/path?q=1");
  expect_absent(e, "example");
}

TEST(MarkdownExtractorTest, BareLinksAreMaskedUrls) {
  auto e = extract_md("Visit www.example.com now or https://example.org/a_b?x=1&y=2 later.\n");
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  const std::string p(kPlaceholder);
  EXPECT_EQ(b.text, "Visit " + p + " now or " + p + " later.");
  ASSERT_EQ(b.masks.size(), 2u);
  EXPECT_EQ(b.masks[0].kind, MaskKind::kUrl);
  EXPECT_EQ(b.masks[1].kind, MaskKind::kUrl);
  EXPECT_EQ(e.source_of_span(b, b.masks[0].text_offset, b.masks[0].text_offset + 3), "www.example.com");
  EXPECT_EQ(e.source_of_span(b, b.masks[1].text_offset, b.masks[1].text_offset + 3),
            "https://example.org/a_b?x=1&y=2");
  expect_absent(e, "example");
}

TEST(MarkdownExtractorTest, EmailAutolinkIsMasked) {
  auto e = extract_md("Write to <help@example.com> please.\n");
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  EXPECT_EQ(b.text, "Write to " + std::string(kPlaceholder) + " please.");
  ASSERT_EQ(b.masks.size(), 1u);
  EXPECT_NE(b.masks[0].kind, MaskKind::kCode);
  EXPECT_EQ(e.source_of_span(b, 9, 12), "help@example.com");
  expect_absent(e, "example");
}

TEST(MarkdownExtractorTest, LinkDestinationIsDroppedLinkTextKept) {
  const std::string text = "Please [click here](https://hidden.example/secret \"hiddentitle\") now.\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  EXPECT_EQ(b.text, "Please click here now.");
  EXPECT_TRUE(b.masks.empty());
  EXPECT_EQ(b.map.to_source_begin(7), text.find("click"));
  EXPECT_EQ(b.map.to_source_end(17), text.find("click") + 10);
  EXPECT_EQ(b.map.to_source_begin(17), text.find(" now"));
  expect_absent(e, "hidden");
}

TEST(MarkdownExtractorTest, ReferenceLinksAndDefinitionsAreNotProse) {
  auto e = extract_md("Read [the guide][g] first.\n\n[g]: https://defhidden.example \"deftitle\"\n");
  EXPECT_EQ(e.texts(), (Texts{"Read the guide first."}));
  expect_absent(e, "defhidden");
  expect_absent(e, "deftitle");
}

TEST(MarkdownExtractorTest, ImageAltTextIsKeptSourceIsNot) {
  auto e = extract_md("Look ![a happy cat](cat-hidden.png) here.\n");
  EXPECT_EQ(e.texts(), (Texts{"Look a happy cat here."}));
  expect_absent(e, "hidden");
}

TEST(MarkdownExtractorTest, InlineHtmlCommentIsNotProse) {
  const std::string text = "Before <!-- hiddencomment --> after.\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  // The comment becomes one space, keeping the words around it apart.
  EXPECT_EQ(e.blocks()[0].text, "Before   after.");
  EXPECT_EQ(e.source_of_span(e.blocks()[0], 7, 8), "<!-- hiddencomment -->");
  expect_absent(e, "hiddencomment");
}

TEST(MarkdownExtractorTest, InlineHtmlCommentAcrossLines) {
  // md4c passes the newline inside raw HTML as a "\n" that is not in the source.
  const std::string text = "Words <!-- hidden\nstill hidden --> words.\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  expect_absent(e, "hidden");
  EXPECT_EQ(e.blocks()[0].text.substr(0, 6), "Words ");
  EXPECT_EQ(e.blocks()[0].text.substr(e.blocks()[0].text.size() - 7), " words.");
}

TEST(MarkdownExtractorTest, InlineTagsKeepTheirContent) {
  const std::string text = "This is <b>bold</b> and <span class=\"x\">styled</span>.\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  EXPECT_EQ(b.text, "This is  bold  and  styled .");
  EXPECT_EQ(e.source_of_span(b, 8, 9), "<b>");
  EXPECT_EQ(b.map.to_source_begin(9), text.find("bold"));
  expect_absent(e, "span");
  expect_absent(e, "class");
}

TEST(MarkdownExtractorTest, HtmlBlocksAreNotProse) {
  auto e = extract_md(
      "<div class=\"note\">\nhiddendiv text\n</div>\n\n<!--\nhiddenblockcomment\n-->\n\n"
      "<table><tr><td>hiddencell</td></tr></table>\n\nVisible.\n");
  EXPECT_EQ(e.texts(), (Texts{"Visible."}));
  expect_absent(e, "hidden");
}

TEST(MarkdownExtractorTest, FrontMatterIsNotProseButIsParsed) {
  const std::string fm = "---\ntitle: hiddenyaml title\ntone: {channel: chat}\n---\n";
  const std::string text = fm + "# Welcome\n\nBody text.\n";
  auto e = extract_md(text);
  EXPECT_EQ(e.texts(), (Texts{"Welcome", "Body text."}));
  expect_absent(e, "hiddenyaml");
  ASSERT_NE(e.doc->front_matter(), nullptr);
  EXPECT_EQ(e.doc->front_matter()->data["tone"]["channel"].as<std::string>(), "chat");
  EXPECT_EQ(e.doc->front_matter()->length, fm.size());
  EXPECT_EQ(e.blocks()[0].map.to_source_begin(0), text.find("Welcome"));
  EXPECT_EQ(e.blocks()[1].map.to_source_begin(0), text.find("Body"));
}

TEST(MarkdownExtractorTest, OnlyFrontMatterGivesNoBlocks) {
  auto e = extract_md("---\ntone: {channel: email}\n---\n");
  EXPECT_TRUE(e.blocks().empty());
  ASSERT_NE(e.doc->front_matter(), nullptr);
  EXPECT_EQ(e.doc->front_matter()->data["tone"]["channel"].as<std::string>(), "email");
}

TEST(MarkdownExtractorTest, UnclosedFenceIsAThematicBreak) {
  auto e = extract_md("---\nJust a paragraph.\n");
  EXPECT_EQ(e.doc->front_matter(), nullptr);
  EXPECT_EQ(e.texts(), (Texts{"Just a paragraph."}));
}

TEST(MarkdownExtractorTest, EmptyAndBlankFilesGiveNoBlocks) {
  for (const char* text : {"", "\n\n", "\xEF\xBB\xBF", "   \n", "```\ncode only\n```\n", "<!-- only -->\n"}) {
    auto e = extract_md(text);
    EXPECT_TRUE(e.blocks().empty()) << text;
  }
}

// --- Structure ----------------------------------------------------------------------

TEST(MarkdownExtractorTest, Headings) {
  const std::string text = "# Title\n\n## Sub *em* ##\n\n###### Six\n\nSetext one\n==========\n\nSetext two\n---\n";
  auto e = extract_md(text);
  EXPECT_EQ(e.texts(), (Texts{"Title", "Sub em", "Six", "Setext one", "Setext two"}));
  ASSERT_EQ(e.blocks().size(), 5u);
  const std::vector<int> levels = {1, 2, 6, 1, 2};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(e.blocks()[i].kind, BlockKind::kHeading) << i;
    EXPECT_EQ(e.blocks()[i].heading_level, levels[i]) << i;
    EXPECT_FALSE(e.blocks()[i].in_list);
  }
  EXPECT_EQ(e.blocks()[0].map.to_source_begin(0), 2u);
  EXPECT_EQ(e.blocks()[1].map.to_source_begin(0), text.find("Sub"));
}

TEST(MarkdownExtractorTest, ParagraphsHaveNoHeadingLevel) {
  auto e = extract_md("# H\n\nPara.\n");
  ASSERT_EQ(e.blocks().size(), 2u);
  EXPECT_EQ(e.blocks()[1].kind, BlockKind::kParagraph);
  EXPECT_EQ(e.blocks()[1].heading_level, 0u);
  EXPECT_FALSE(e.blocks()[1].in_blockquote);
  EXPECT_FALSE(e.blocks()[1].in_list);
}

TEST(MarkdownExtractorTest, TightListItems) {
  const std::string text = "Intro.\n\n- one\n- two\n* three\n";
  auto e = extract_md(text);
  EXPECT_EQ(e.texts(), (Texts{"Intro.", "one", "two", "three"}));
  ASSERT_EQ(e.blocks().size(), 4u);
  EXPECT_EQ(e.blocks()[0].kind, BlockKind::kParagraph);
  EXPECT_FALSE(e.blocks()[0].in_list);
  for (std::size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(e.blocks()[i].kind, BlockKind::kListItem) << i;
    EXPECT_TRUE(e.blocks()[i].in_list) << i;
  }
  EXPECT_EQ(e.blocks()[2].map.to_source_begin(0), text.find("two"));
}

TEST(MarkdownExtractorTest, LooseListItems) {
  auto e = extract_md("1. first\n\n2. second\n   continued\n\n   second para\n");
  EXPECT_EQ(e.texts(), (Texts{"first", "second continued", "second para"}));
  for (const TextBlock& b : e.blocks()) {
    EXPECT_EQ(b.kind, BlockKind::kListItem);
    EXPECT_TRUE(b.in_list);
  }
}

TEST(MarkdownExtractorTest, NestedListItems) {
  auto e = extract_md("- outer\n  - inner one\n  - inner two\n- last\n");
  EXPECT_EQ(e.texts(), (Texts{"outer", "inner one", "inner two", "last"}));
  for (const TextBlock& b : e.blocks()) EXPECT_EQ(b.kind, BlockKind::kListItem);
}

TEST(MarkdownExtractorTest, ItemTextAfterANestedListIsStillAnItem) {
  auto e = extract_md("- item\n\n  - sub\n\n  tail text\n");
  EXPECT_EQ(e.texts(), (Texts{"item", "sub", "tail text"}));
  ASSERT_EQ(e.blocks().size(), 3u);
  EXPECT_EQ(e.blocks()[2].kind, BlockKind::kListItem);
  EXPECT_TRUE(e.blocks()[2].in_list);
}

TEST(MarkdownExtractorTest, TaskListMarkersAreNotText) {
  auto e = extract_md("- [ ] write tests\n- [x] read code\n");
  EXPECT_EQ(e.texts(), (Texts{"write tests", "read code"}));
}

// A cell knows its row (the header row is 1) and column, counted over empty cells too;
// a second table counts from 1 again.
TEST(MarkdownExtractorTest, TableCellsKnowTheirRowAndColumn) {
  auto e = extract_md("| Do | Don't |\n|---|---|\n|  | Yo |\n| Hello | Hey |\n\nText.\n\n| A |\n|---|\n| B |\n");
  EXPECT_EQ(e.texts(), (Texts{"Do", "Don't", "Yo", "Hello", "Hey", "Text.", "A", "B"}));
  const std::vector<std::pair<int, int>> expected = {{1, 1}, {1, 2}, {2, 2}, {3, 1}, {3, 2}, {0, 0}, {1, 1}, {2, 1}};
  ASSERT_EQ(e.blocks().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(e.blocks()[i].table_row, expected[i].first) << i;
    EXPECT_EQ(e.blocks()[i].table_column, expected[i].second) << i;
  }
}

TEST(MarkdownExtractorTest, CodeInsideAListIsNotProse) {
  auto e = extract_md("- step one\n\n  ```\n  listfenced\n  ```\n- step two\n");
  EXPECT_EQ(e.texts(), (Texts{"step one", "step two"}));
  expect_absent(e, "listfenced");
}

TEST(MarkdownExtractorTest, TableCells) {
  const std::string text = "| Name | Note |\n|------|------|\n| Ann | says `hi` |\n| Bob | &amp; co |\n";
  auto e = extract_md(text);
  const std::string p(kPlaceholder);
  EXPECT_EQ(e.texts(), (Texts{"Name", "Note", "Ann", "says " + p, "Bob", "& co"}));
  for (const TextBlock& b : e.blocks()) {
    EXPECT_EQ(b.kind, BlockKind::kTableCell);
    EXPECT_FALSE(b.in_list);
  }
  ASSERT_EQ(e.blocks().size(), 6u);
  EXPECT_EQ(e.blocks()[2].map.to_source_begin(0), text.find("Ann"));
  ASSERT_EQ(e.blocks()[3].masks.size(), 1u);
  EXPECT_EQ(e.blocks()[3].masks[0].kind, MaskKind::kCode);
}

TEST(MarkdownExtractorTest, Blockquotes) {
  const std::string text = "> quoted *text*\n> more\n\nnormal\n\n> - quoted item\n>\n> > deeper\n";
  auto e = extract_md(text);
  EXPECT_EQ(e.texts(), (Texts{"quoted text more", "normal", "quoted item", "deeper"}));
  ASSERT_EQ(e.blocks().size(), 4u);
  EXPECT_TRUE(e.blocks()[0].in_blockquote);
  EXPECT_EQ(e.blocks()[0].kind, BlockKind::kParagraph);
  EXPECT_FALSE(e.blocks()[1].in_blockquote);
  EXPECT_TRUE(e.blocks()[2].in_blockquote);
  EXPECT_EQ(e.blocks()[2].kind, BlockKind::kListItem);
  EXPECT_TRUE(e.blocks()[2].in_list);
  EXPECT_TRUE(e.blocks()[3].in_blockquote);
  EXPECT_FALSE(e.blocks()[3].in_list);
  // "more" is on the next source line, behind the quote marker.
  EXPECT_EQ(e.blocks()[0].map.to_source_begin(12), text.find("more"));
}

TEST(MarkdownExtractorTest, SoftBreakIsASpaceMappedToTheNewline) {
  const std::string text = "line one\nline two\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  EXPECT_EQ(b.text, "line one line two");
  EXPECT_EQ(b.map.to_source_begin(8), 8u);
  EXPECT_EQ(b.map.to_source_end(9), 9u);
  EXPECT_EQ(b.map.to_source_begin(9), 9u);
}

TEST(MarkdownExtractorTest, SoftBreakAfterMarkupMapsToTheRightNewline) {
  // The newline is after the closing '*' and after the code span's closing backtick.
  const std::string text = "some *emphasis*\nthen `code`\nend\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  const std::string p(kPlaceholder);
  EXPECT_EQ(b.text, "some emphasis then " + p + " end");
  EXPECT_EQ(e.source_of_span(b, 13, 14), "\n");
  EXPECT_EQ(b.map.to_source_begin(13), text.find('\n'));
  EXPECT_EQ(b.map.to_source_begin(19 + 3), text.find('\n', text.find("code")));
}

TEST(MarkdownExtractorTest, SoftBreakAfterAnImageWithNoTextMapsToItsOwnLine) {
  // Nothing precedes the break in the block's text; the newline is still the one after
  // the image, not one in an earlier block.
  const std::string text = "First para.\n\n![](pic.png)\nnext words\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 2u);
  const TextBlock& b = e.blocks()[1];
  EXPECT_EQ(b.text, " next words");
  EXPECT_EQ(b.map.to_source_begin(0), text.find(")\n") + 1);
}

TEST(MarkdownExtractorTest, SoftBreaksInsideAndAfterLinks) {
  const std::string text = "[link\ntext](https://a.example) tail\nmore ![alt\nwords](b.png)\nend\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  EXPECT_EQ(b.text, "link text tail more alt words end");
  EXPECT_EQ(b.map.to_source_begin(4), text.find('\n'));
  EXPECT_EQ(b.map.to_source_begin(14), text.find("tail\n") + 4);
  EXPECT_EQ(b.map.to_source_begin(23), text.find("alt\n") + 3);
  EXPECT_EQ(b.map.to_source_begin(29), text.find(")\nend") + 1);
}

TEST(MarkdownExtractorTest, SoftBreakAfterAReferenceLinkDefinedLater) {
  // The link's destination sits in a definition further down; the break is still here.
  const std::string text = "Read [the guide][g] <https://a.example> [x](</p q>)\nnext line\n\n[g]: https://x.example\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  const std::string p(kPlaceholder);
  EXPECT_EQ(b.text, "Read the guide " + p + " x next line");
  EXPECT_EQ(b.map.to_source_begin(20), text.find('\n'));
}

TEST(MarkdownExtractorTest, HardBreaksBecomeNewlines) {
  const std::string text = "two spaces  \nbackslash\\\nend\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  EXPECT_EQ(b.text, "two spaces\nbackslash\nend");
  EXPECT_EQ(b.map.to_source_begin(10), text.find('\n'));
  EXPECT_EQ(b.map.to_source_begin(11), text.find("backslash"));
  EXPECT_EQ(b.map.to_source_begin(20), text.find("\\\n") + 1);
}

TEST(MarkdownExtractorTest, EntitiesAreDecodedAndMapToTheirBytes) {
  const std::string text = "AT&amp;T &#x1F600; &#169; &copy; &notarealentity; x\n";
  auto e = extract_md(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  EXPECT_EQ(b.text, "AT&T \xF0\x9F\x98\x80 \xC2\xA9 \xC2\xA9 &notarealentity; x");
  EXPECT_EQ(e.source_of_span(b, 2, 3), "&amp;");
  EXPECT_EQ(e.source_of_span(b, 5, 9), "&#x1F600;");
  EXPECT_EQ(b.map.to_source_begin(5), text.find("&#x1F600;"));
  EXPECT_EQ(b.map.to_source_end(9), text.find("&#x1F600;") + 9);
  // Inside the decoded emoji, a span still covers the whole reference.
  EXPECT_EQ(e.source_of_span(b, 6, 7), "&#x1F600;");
  EXPECT_EQ(e.source_of_span(b, 10, 12), "&#169;");
  // An unknown name stays as written and maps byte for byte.
  const std::size_t unknown = std::string(b.text).find("&notarealentity;");
  ASSERT_NE(unknown, std::string::npos);
  EXPECT_EQ(b.map.to_source_begin(static_cast<std::uint32_t>(unknown) + 1), text.find("&notarealentity;") + 1);
}

TEST(MarkdownExtractorTest, DecodeCharacterReference) {
  std::string out;
  EXPECT_TRUE(decode_character_reference("&lt;", &out));
  EXPECT_EQ(out, "<");
  out.clear();
  EXPECT_TRUE(decode_character_reference("&#65;", &out));
  EXPECT_EQ(out, "A");
  out.clear();
  EXPECT_TRUE(decode_character_reference("&#X3042;", &out));
  EXPECT_EQ(out, "あ");
  out.clear();
  // CommonMark: NUL, surrogates and values past U+10FFFF decode to U+FFFD.
  EXPECT_TRUE(decode_character_reference("&#0;", &out));
  EXPECT_EQ(out, "\xEF\xBF\xBD");
  out.clear();
  EXPECT_TRUE(decode_character_reference("&#xD800;", &out));
  EXPECT_EQ(out, "\xEF\xBF\xBD");
  out.clear();
  EXPECT_TRUE(decode_character_reference("&#x110000;", &out));
  EXPECT_EQ(out, "\xEF\xBF\xBD");
  out.clear();
  EXPECT_FALSE(decode_character_reference("&nosuch;", &out));
  EXPECT_FALSE(decode_character_reference("&#xZZ;", &out));
  EXPECT_FALSE(decode_character_reference("amp", &out));
  EXPECT_FALSE(decode_character_reference("&;", &out));
  EXPECT_TRUE(out.empty());
}

TEST(MarkdownExtractorTest, EmphasisAndEscapesKeepTheirText) {
  const std::string text = "~~old~~ **new** \\*star\\* _x_\n";
  auto e = extract_md(text);
  EXPECT_EQ(e.texts(), (Texts{"old new *star* x"}));
  const TextBlock& b = e.blocks()[0];
  // The escaped '*' maps to the '*', not to the backslash.
  EXPECT_EQ(b.map.to_source_begin(8), text.find("\\*") + 1);
}

TEST(MarkdownExtractorTest, CrlfMarkdown) {
  const std::string text =
      "# Head\r\n\r\nLine one\r\nline `two`\r\nthree  \r\nfour\r\n\r\n```\r\nfencedcode\r\n```\r\n\r\n- item\r\n";
  auto e = extract_md(text);
  const std::string p(kPlaceholder);
  EXPECT_EQ(e.texts(), (Texts{"Head", "Line one line " + p + " three\nfour", "item"}));
  expect_absent(e, "fencedcode");
  ASSERT_EQ(e.blocks().size(), 3u);
  const TextBlock& b = e.blocks()[1];
  // The soft break covers the whole CRLF; so does the hard break.
  EXPECT_EQ(e.source_of_span(b, 8, 9), "\r\n");
  const std::size_t hard = std::string(b.text).find('\n');
  EXPECT_EQ(e.source_of_span(b, static_cast<std::uint32_t>(hard), static_cast<std::uint32_t>(hard) + 1), "\r\n");
  EXPECT_EQ(b.map.to_source_begin(static_cast<std::uint32_t>(hard)), text.find("  \r\nfour") + 2);
}

TEST(MarkdownExtractorTest, BomAndFrontMatterWithCrlf) {
  const std::string text = "\xEF\xBB\xBF---\r\ntone: {channel: chat}\r\n---\r\n# Head\r\n";
  auto e = extract_md(text);
  EXPECT_EQ(e.texts(), (Texts{"Head"}));
  ASSERT_NE(e.doc->front_matter(), nullptr);
  EXPECT_EQ(e.doc->front_matter()->offset, 3u);
  EXPECT_EQ(e.blocks()[0].map.to_source_begin(0), text.find("Head"));
}

TEST(MarkdownExtractorTest, BomWithoutFrontMatter) {
  auto e = extract_md("\xEF\xBB\xBFHello.\n");
  EXPECT_EQ(e.texts(), (Texts{"Hello."}));
  EXPECT_EQ(e.blocks()[0].map.to_source_begin(0), 3u);
}

TEST(MarkdownExtractorTest, JapaneseMarkdown) {
  const std::string text =
      "# お知らせ\n\nこれは`コード`を含む文です。\n次の行です。\n\n- 項目一\n- 項目二\n\n> 引用文です。\n\n"
      "詳しくは[こちら](https://example.jp/hidden)をご覧ください。\n";
  auto e = extract_md(text);
  const std::string p(kPlaceholder);
  EXPECT_EQ(e.texts(), (Texts{"お知らせ", "これは" + p + "を含む文です。 次の行です。", "項目一", "項目二", "引用文です。",
                              "詳しくはこちらをご覧ください。"}));
  ASSERT_EQ(e.blocks().size(), 6u);
  EXPECT_EQ(e.blocks()[0].kind, BlockKind::kHeading);
  const TextBlock& b = e.blocks()[1];
  EXPECT_EQ(e.source_of_span(b, 9, 12), "コード");
  EXPECT_EQ(b.map.to_source_begin(12), text.find("を含む"));
  EXPECT_TRUE(e.blocks()[4].in_blockquote);
  expect_absent(e, "hidden");
}

// MDX read as plain Markdown (`--input-format markdown`); tests/extract/mdx_extractor_test.cpp
// reads it as MDX.
TEST(MarkdownExtractorTest, MdxIshFileDoesNotCrash) {
  const std::string text =
      "import Chart from './chart'\nexport const meta = {title: 'x'}\n\n# Title\n\n"
      "<Chart data={[1, 2]} />\n\n<Note kind=\"info\">\n  Some jsx text {props.value}\n</Note>\n\n"
      "Para with {expression} and <Inline /> tag.\n\n{/* a comment */}\n";
  Extracted e = extract_with(*extractor_for_format("markdown"), text, "page.mdx");
  ASSERT_TRUE(e.status.ok());
  expect_bytes_map_back(e);
  bool has_title = false;
  for (const TextBlock& b : e.blocks()) has_title |= b.kind == BlockKind::kHeading && b.text == "Title";
  EXPECT_TRUE(has_title);
  expect_absent(e, "<Inline");
}

TEST(MarkdownExtractorTest, KitchenSinkMapsBack) {
  // Everything at once, for the round-trip check in extract_md.
  auto e = extract_md(
      "---\na: 1\n---\n# Head &amp; *tail*\n\nPara with `code`, <https://x.example>, www.y.example,\n"
      "[link](https://z.example) and <i>tag</i> &hellip; done  \nnext line\\\nlast.\n\n"
      "> - quoted `item`\n>   continued\n\n| a | b&lt;c |\n|---|---|\n| 1 | ![img](p.png) |\n\n"
      "1. one\n   1. nested &#x263A;\n\n<div>\nblock\n</div>\n");
  EXPECT_GE(e.blocks().size(), 8u);
  expect_absent(e, "example");
  expect_absent(e, "block");
}

TEST(MarkdownExtractorTest, HugeSingleLineParagraph) {
  // 10 MB on one line: must complete (md4c and the builder stay linear).
  std::string text;
  text.reserve(10u << 20);
  while (text.size() < (10u << 20)) text += "word ";
  text.back() = '\n';
  auto source = source_of(text, "huge.md");
  ASSERT_NE(source, nullptr);
  auto doc = extractor_for_path("huge.md").extract(*source);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->blocks().size(), 1u);
  EXPECT_EQ(doc->blocks()[0].text.size(), text.size() - 1);
  EXPECT_EQ(doc->blocks()[0].map.to_source_end(static_cast<std::uint32_t>(text.size() - 1)), text.size() - 1);
}

TEST(MarkdownExtractorTest, HugeSingleLinePlainText) {
  std::string text;
  text.reserve(10u << 20);
  while (text.size() < (10u << 20)) text += "語 ";
  auto source = source_of(text, "huge.txt");
  ASSERT_NE(source, nullptr);
  auto doc = extractor_for_path("huge.txt").extract(*source);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->blocks().size(), 1u);
  EXPECT_EQ(doc->blocks()[0].text.size(), text.size());
}

}  // namespace
}  // namespace tonelint
