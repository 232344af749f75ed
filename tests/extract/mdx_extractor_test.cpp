// MDX drafts (src/extract/mdx_extractor.cpp): ESM, tags, attributes, expressions and
// comments are never prose, JSX text children are, Markdown works as in .md, and every
// offset points at the original bytes.
#include "extract/mdx_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/front_matter.h"
#include "extract/mdx_syntax.h"
#include "extract/verbatim_spans.h"
#include "extracted.h"

namespace tonelint {
namespace {

using ::tonelint::testing::expect_bytes_map_back;
using ::tonelint::testing::Extracted;
using ::tonelint::testing::extract_with;
using Texts = std::vector<std::string>;

const std::string kP(kPlaceholder);

Extracted extract_mdx(std::string bytes) {
  Extracted e = extract_with(extractor_for_path("page.mdx"), std::move(bytes), "page.mdx");
  if (!e.status.ok()) return e;
  EXPECT_EQ(e.doc->format(), "mdx");
  expect_bytes_map_back(e);
  return e;
}

void expect_absent(const Extracted& e, std::string_view word) {
  EXPECT_EQ(e.all_text().find(word), std::string::npos) << "'" << word << "' leaked into prose:\n" << e.all_text();
}

TEST(MdxExtractorTest, IsTheFormatOfMdxFiles) {
  EXPECT_EQ(extractor_for_path("docs/intro.mdx").format(), "mdx");
  EXPECT_EQ(extractor_for_path("docs/INTRO.MDX").format(), "mdx");
  ASSERT_NE(extractor_for_format("mdx"), nullptr);
  EXPECT_EQ(extractor_for_format("mdx")->format(), "mdx");
  EXPECT_EQ(extractor_for_path("docs/intro.md").format(), "markdown");
}

TEST(MdxExtractorTest, EsmIsNotProse) {
  auto e = extract_mdx(
      "import { Steps } from '@/components/steps'\nimport Chart from './chart.jsx'\n"
      "export const meta = {\n  summary: 'Utilize the wizard',\n}\n\n# Set up billing\n\nOpen the billing page.\n");
  EXPECT_EQ(e.texts(), (Texts{"Set up billing", "Open the billing page."}));
  expect_absent(e, "Steps");
  expect_absent(e, "wizard");
}

TEST(MdxExtractorTest, JsxTextChildrenAreProseAttributesAreNot) {
  const std::string text =
      "<Callout kind=\"warning\" title=\"Utilize caution\">\n  Save your work before you leave the page.\n</Callout>\n";
  auto e = extract_mdx(text);
  EXPECT_EQ(e.texts(), (Texts{"Save your work before you leave the page."}));
  expect_absent(e, "caution");
  EXPECT_EQ(e.source_of(0, "Save your"), "Save your");
  EXPECT_EQ(e.blocks()[0].map.to_source_begin(0), text.find("Save"));
}

TEST(MdxExtractorTest, InlineJsxIsMarkupAroundProse) {
  const std::string text = "Press <Kbd>Enter</Kbd> to save, or <Link href=\"/undo\">undo the change</Link>.\n";
  auto e = extract_mdx(text);
  EXPECT_EQ(e.texts(), (Texts{"Press Enter to save, or undo the change."}));
  EXPECT_EQ(e.source_of(0, "Enter"), "Enter");
  const auto undo = static_cast<std::uint32_t>(std::string_view("Press Enter to save, or ").size());
  EXPECT_EQ(e.blocks()[0].map.to_source_begin(undo), text.find("undo the"));
  expect_absent(e, "href");
}

TEST(MdxExtractorTest, TagsBetweenWordsKeepThemApartButNotBeforePunctuationOrJapanese) {
  auto e = extract_mdx("First<br/>second, <Em>third</Em>, (<Em>fourth</Em>).\n\n<b>重要</b>なお知らせです。\n");
  EXPECT_EQ(e.texts(), (Texts{"First second, third, (fourth).", "重要なお知らせです。"}));
}

TEST(MdxExtractorTest, ExpressionsArePlaceholdersCommentsAreNothing) {
  const std::string text = "Hello {user.firstName}, your plan renews {/* check date */}soon.\n";
  auto e = extract_mdx(text);
  ASSERT_EQ(e.blocks().size(), 1u);
  const TextBlock& b = e.blocks()[0];
  EXPECT_EQ(b.text, "Hello " + kP + ", your plan renews soon.");
  ASSERT_EQ(b.masks.size(), 1u);
  EXPECT_EQ(b.masks[0].kind, MaskKind::kCode);
  EXPECT_EQ(e.source_of_span(b, 6, 6 + static_cast<std::uint32_t>(kP.size())), "{user.firstName}");
  EXPECT_EQ(e.source_of(0, "soon"), "soon");
}

TEST(MdxExtractorTest, AnExpressionOverSeveralLinesIsOnePlaceholder) {
  const std::string text = "Total: {\n  format(price)\n} per month.\n";
  auto e = extract_mdx(text);
  EXPECT_EQ(e.texts(), (Texts{"Total: " + kP + " per month."}));
  EXPECT_EQ(e.source_of(0, "per month"), "per month");
  EXPECT_EQ(e.source_of(0, kP), "{\n  format(price)\n}");
}

TEST(MdxExtractorTest, FlowExpressionsAndCommentsAreNotProse) {
  auto e = extract_mdx("Intro.\n\n{/* Utilize this later */}\n\n{items.map((item) => <Row key={item.id} />)}\n\nOutro.\n");
  EXPECT_EQ(e.texts(), (Texts{"Intro.", "Outro."}));
}

TEST(MdxExtractorTest, CodeFencesStayCode) {
  auto e = extract_mdx(
      "Before.\n\n```jsx\nimport x from 'y'\n<Button label=\"Utilize\">Go</Button>\n```\n\nAfter.\n");
  EXPECT_EQ(e.texts(), (Texts{"Before.", "After."}));
  expect_absent(e, "Button");
  expect_absent(e, "Go");
}

TEST(MdxExtractorTest, IndentedChildrenAreProseAndIndentedFencesCode) {
  auto e = extract_mdx(
      "<Tabs>\n  <Tab title=\"npm\">\n      Indented words are prose in MDX.\n\n      ```bash\n      npm ci\n"
      "      ```\n  </Tab>\n</Tabs>\n");
  EXPECT_EQ(e.texts(), (Texts{"Indented words are prose in MDX."}));
  expect_absent(e, "npm");
}

TEST(MdxExtractorTest, MarkdownWorksInsideJsx) {
  auto e = extract_mdx("<Note>\n\n**Read** the [release notes](https://example.com/notes) first.\n\n- One\n- Two\n\n</Note>\n");
  EXPECT_EQ(e.texts(), (Texts{"Read the release notes first.", "One", "Two"}));
  ASSERT_EQ(e.blocks()[0].spans.size(), 1u);
  EXPECT_EQ(e.blocks()[0].spans[0].kind, InlineKind::kLinkText);
  EXPECT_EQ(e.blocks()[1].kind, BlockKind::kListItem);
  expect_absent(e, "example.com");
}

TEST(MdxExtractorTest, FrontMatterAsInMarkdown) {
  auto e = extract_mdx("---\ntone: {channel: docs}\n---\nimport A from 'a'\n\nBody text.\n");
  EXPECT_EQ(e.texts(), (Texts{"Body text."}));
  ASSERT_NE(e.doc->front_matter(), nullptr);
  EXPECT_TRUE(e.doc->front_matter()->data["tone"].IsMap());
  // Broken front matter is an error naming the line, as in Markdown.
  Extracted broken = extract_with(extractor_for_path("page.mdx"), "---\ntone: [x\n---\nText.\n", "page.mdx", false);
  EXPECT_FALSE(broken.status.ok());
  EXPECT_EQ(broken.status.location().path, "page.mdx");
  EXPECT_GT(broken.status.location().line, 0u);
}

TEST(MdxExtractorTest, AStrayBraceHidesOnlyItsLine) {
  auto e = extract_mdx("Set the value { to something.\nThe next line is checked.\n\nSo is this paragraph.\n");
  EXPECT_EQ(e.texts(), (Texts{"Set the value " + kP + " The next line is checked.", "So is this paragraph."}));
}

// A rewrite is offered only inside a verbatim run: never in ESM, attributes, expressions or
// comments, and never across a tag.
TEST(MdxExtractorTest, VerbatimRunsNeverReachIntoSyntax) {
  const std::string text =
      "export const meta = { utilize: true }\n\n<Card label=\"utilize\">\nPlease utilize it.\n</Card>\n\n"
      "Say ut<Em>il</Em>ize or {utilize} or {/* utilize */}.\n";
  auto e = extract_mdx(text);
  const VerbatimSpans verbatim(*e.doc);
  const std::vector<MdxSpan> syntax = find_mdx_syntax(text, 0);
  std::size_t found = 0;
  for (std::size_t at = text.find("utilize"); at != std::string::npos; at = text.find("utilize", at + 1)) {
    const bool in_syntax = std::any_of(syntax.begin(), syntax.end(),
                                       [&](const MdxSpan& s) { return at >= s.begin && at < s.end; });
    EXPECT_EQ(verbatim.contains(static_cast<std::uint32_t>(at), 7), !in_syntax) << "at " << at;
    found += in_syntax ? 0 : 1;
  }
  EXPECT_EQ(found, 1u);  // only "Please utilize it."
  EXPECT_FALSE(verbatim.contains(static_cast<std::uint32_t>(text.find("ut<Em>")), 17));
}

TEST(MdxExtractorTest, KitchenSinkMapsBack) {
  auto e = extract_mdx(
      "---\ntitle: x\n---\nimport { A } from 'a'\n\n# Head {version} &amp; *tail*\n\n"
      "<Aside>\n> Quoted <Em>words</Em> here {n}\n</Aside>\n\n| a | <Badge>b</Badge> |\n|---|---|\n| {c} | d |\n\n"
      "1. one <Kbd>K</Kbd>\n   {/* c */}\n2. two\n\n<Steps\n  items={[1, 2]}\n/>\n\nLast `code {x}` line.\n");
  EXPECT_GE(e.blocks().size(), 6u);
  expect_absent(e, "items");
}

}  // namespace
}  // namespace tonelint
