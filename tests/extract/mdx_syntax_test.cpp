// What the MDX pre-pass (src/extract/mdx_syntax.cpp) takes for syntax: ESM, tags,
// expressions, comments; never code, never prose; bounded on broken input.
#include "extract/mdx_syntax.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace tonelint {
namespace {

using Pieces = std::vector<std::string>;

// The source text of each span, with a letter for its kind (E, T, C, X) and "*" if flow.
Pieces spans_of(const std::string& text, std::size_t from = 0) {
  Pieces out;
  std::uint32_t previous_end = 0;
  for (const MdxSpan& s : find_mdx_syntax(text, from)) {
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, text.size());
    EXPECT_GE(s.begin, previous_end) << "spans in order, not overlapping";
    previous_end = s.end;
    const char kind = s.kind == MdxKind::kEsm ? 'E' : s.kind == MdxKind::kTag ? 'T' : s.kind == MdxKind::kComment ? 'C' : 'X';
    out.push_back(std::string(1, kind) + (s.flow ? "*" : "") + ":" + text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(MdxSyntaxTest, EsmRunsToABlankLineOrTheStatementsEnd) {
  EXPECT_EQ(spans_of("import { Tabs } from './tabs'\nimport Card from \"card\"\n\nText.\n"),
            (Pieces{"E*:import { Tabs } from './tabs'\nimport Card from \"card\""}));
  // Braces balanced across a blank line.
  EXPECT_EQ(spans_of("export const meta = {\n  title: 'Plans',\n\n  draft: true,\n}\n\nProse here.\n"),
            (Pieces{"E*:export const meta = {\n  title: 'Plans',\n\n  draft: true,\n}"}));
  // A heading right after a finished statement is Markdown again.
  EXPECT_EQ(spans_of("import A from 'a'\n# Title\n"), (Pieces{"E*:import A from 'a'"}));
  // A line ending in an operator goes on.
  EXPECT_EQ(spans_of("export const total =\nprice + tax\n\nAfter.\n"), (Pieces{"E*:export const total =\nprice + tax"}));
}

TEST(MdxSyntaxTest, ProseThatStartsWithImportOrExportIsProse) {
  EXPECT_TRUE(spans_of("import the settings file first.\n").empty());
  EXPECT_TRUE(spans_of("export data from the billing page.\n").empty());
  EXPECT_TRUE(spans_of("exported reports are kept.\n").empty());
  EXPECT_TRUE(spans_of("import data from the archive.\n").empty());  // no module string after `from`
  // Only at the start of a block: a paragraph's second line is the paragraph (with an
  // expression in it).
  EXPECT_EQ(spans_of("You can also\nimport { all } from 'here'\n"), (Pieces{"X:{ all }"}));
  // Indented, it is not top-level ESM.
  EXPECT_TRUE(spans_of("  import A from 'a'\n").empty());
}

TEST(MdxSyntaxTest, UnbalancedEsmEndsAtTheNextBlankLine) {
  EXPECT_EQ(spans_of("export const broken = {\n  a: 1,\n\nThis is prose again.\n"),
            (Pieces{"E*:export const broken = {\n  a: 1,"}));
}

TEST(MdxSyntaxTest, FlowAndInlineTags) {
  EXPECT_EQ(spans_of("<Note type=\"tip\">\nText inside.\n</Note>\n"),
            (Pieces{"T*:<Note type=\"tip\">", "T*:</Note>"}));
  EXPECT_EQ(spans_of("Press <Kbd>Enter</Kbd> to go on.\n"), (Pieces{"T:<Kbd>", "T:</Kbd>"}));
  EXPECT_EQ(spans_of("<Badge />\n<>\n</>\n<UI.Card />\n<svg:rect/>\n"),
            (Pieces{"T*:<Badge />", "T*:<>", "T*:</>", "T*:<UI.Card />", "T*:<svg:rect/>"}));
  // A tag with its attributes over several lines, one holding an expression with a brace
  // in a string and a template literal.
  const std::string tag =
      "<Chart\n  title='Sales {2026}'\n  data={[{ a: \"}\" }]}\n  format={`${x} }`}\n  {...rest}\n  hidden\n/>";
  EXPECT_EQ(spans_of(tag + "\n\nAfter.\n"), (Pieces{"T*:" + tag}));
  // Several tags on a line are flow together; a tag followed by text on its line is not.
  EXPECT_EQ(spans_of("<Tabs><Tab>\n"), (Pieces{"T*:<Tabs>", "T*:<Tab>"}));
  EXPECT_EQ(spans_of("<Tab>Text\n"), (Pieces{"T:<Tab>"}));
  EXPECT_EQ(spans_of("> <Aside>\n"), (Pieces{"T*:<Aside>"}));
}

TEST(MdxSyntaxTest, LessThanInProseIsNoTag) {
  EXPECT_TRUE(spans_of("Scores of a < b are fine, <3 too.\n").empty());
  EXPECT_TRUE(spans_of("See <https://example.com/docs> or <team@example.com>.\n").empty());
  EXPECT_TRUE(spans_of("Use <a href=plain> in HTML.\n").empty());  // an unquoted value is not JSX
  // No tag spans a paragraph break.
  EXPECT_TRUE(spans_of("If x <y then\n\nsomething else.\n").empty());
}

TEST(MdxSyntaxTest, ExpressionsAndComments) {
  EXPECT_EQ(spans_of("Hello {user.name}, welcome.\n"), (Pieces{"X:{user.name}"}));
  EXPECT_EQ(spans_of("{/* a note for editors */}\n"), (Pieces{"C*:{/* a note for editors */}"}));
  EXPECT_EQ(spans_of("Text { /* spaced */ } more.\n"), (Pieces{"C:{ /* spaced */ }"}));
  EXPECT_EQ(spans_of("{/* one */ value /* two */}\n"), (Pieces{"X*:{/* one */ value /* two */}"}));
  EXPECT_EQ(spans_of("{items.map((i) => `<li>${i}</li>`)}\n"), (Pieces{"X*:{items.map((i) => `<li>${i}</li>`)}"}));
  // JSX text inside an expression may hold an apostrophe or a lone parenthesis.
  EXPECT_EQ(spans_of("{ok && <p>Don't (really</p>} done\n"), (Pieces{"X:{ok && <p>Don't (really</p>}"}));
  // An HTML comment, as a draft renamed from .md has it.
  EXPECT_EQ(spans_of("<!-- old note -->\n"), (Pieces{"C*:<!-- old note -->"}));
  // \{ and \< are characters.
  EXPECT_TRUE(spans_of("Write \\{ and \\<Tag> literally.\n").empty());
}

TEST(MdxSyntaxTest, CodeElementsAreCodeWhole) {
  EXPECT_EQ(spans_of("Run <code>make all</code> first.\n"), (Pieces{"X:<code>make all</code>"}));
  EXPECT_EQ(spans_of("<pre>\n  utilize(x)\n</pre>\n"), (Pieces{"X*:<pre>\n  utilize(x)\n</pre>"}));
  // A component named Code is a component: its children are prose.
  EXPECT_EQ(spans_of("<Code>text</Code>\n"), (Pieces{"T:<Code>", "T:</Code>"}));
}

TEST(MdxSyntaxTest, CodeIsNeverScanned) {
  EXPECT_TRUE(spans_of("```jsx\n<Button onClick={go}>Go</Button>\nimport x from 'y'\n```\n").empty());
  EXPECT_TRUE(spans_of("~~~~\n{value}\n~~~\n~~~~\n").empty());  // a shorter run does not close
  EXPECT_TRUE(spans_of("    ```\n    <Tag/>\n    ```\n").empty());  // fences at any indentation
  EXPECT_TRUE(spans_of("> ```\n> {quoted}\n> ```\n").empty());
  EXPECT_TRUE(spans_of("Type `<Tag>` or ``{a `b` c}`` here.\n").empty());
  // An unclosed backtick is a character; what follows is scanned.
  EXPECT_EQ(spans_of("A ` tick and {x}.\n"), (Pieces{"X:{x}"}));
  // After a fence closes, syntax counts again.
  EXPECT_EQ(spans_of("```\n{no}\n```\n{yes}\n"), (Pieces{"X*:{yes}"}));
}

TEST(MdxSyntaxTest, ScanStartsAfterFrontMatter) {
  const std::string text = "---\ntone: {emotion: upset}\n---\n{shown}\n";
  EXPECT_EQ(spans_of(text, text.find("{shown}")), (Pieces{"X*:{shown}"}));
}

TEST(MdxSyntaxTest, AnUnmatchedOpenerHidesOnlyTheRestOfItsLine) {
  EXPECT_EQ(spans_of("Stray { brace here.\nNext line is prose.\n"), (Pieces{"X:{ brace here."}));
  EXPECT_EQ(spans_of("<Card title=\"never closed\nsecond line\n"), (Pieces{"T*:<Card title=\"never closed"}));
  EXPECT_EQ(spans_of("{`open template\n\nmore"), (Pieces{"X*:{`open template"}));
}

TEST(MdxSyntaxTest, BlankingKeepsOffsetsAndLineBreaks) {
  const std::string text = "import A from 'a'\n\nPress <Kbd>K</Kbd> now.\r\n<Note\n  kind=\"x\">\n";
  const std::vector<MdxSpan> spans = find_mdx_syntax(text, 0);
  const std::string blanked = blank_mdx_syntax(text, spans);
  ASSERT_EQ(blanked.size(), text.size());
  EXPECT_EQ(blanked.substr(0, 19), std::string(17, ' ') + "\n\n");
  const std::string inline_tag(5, kMdxFiller);
  EXPECT_EQ(blanked.substr(19, 25), "Press " + inline_tag + "K" + std::string(6, kMdxFiller) + " now.\r\n");
  EXPECT_EQ(blanked.substr(44), std::string(5, ' ') + "\n" + std::string(11, ' ') + "\n");
}

// Unbalanced openers on every line, a long line of them, nested template literals: each
// completes in linear time (a quadratic scan of these would take minutes).
TEST(MdxSyntaxTest, BrokenInputStaysLinear) {
  const std::vector<std::string> units = {"{\n", "<A b=\"\n", "x {` ${ {\n", "``` `` ` {\n", "export const a = {\n\n",
                                          "<A {...{\n"};
  for (const std::string& unit : units) {
    std::string text;
    while (text.size() < (2u << 20)) text += unit;
    const auto start = std::chrono::steady_clock::now();
    const auto spans = find_mdx_syntax(text, 0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 2.0) << unit;
    for (const MdxSpan& s : spans) ASSERT_LE(s.end, text.size());
  }
  std::string one_line(1u << 20, '{');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(find_mdx_syntax(one_line, 0).size(), 1u);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
}

}  // namespace
}  // namespace tonelint
