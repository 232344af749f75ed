// Where each comment syntax finds tonelint comments (src/extract/directive_comments.cpp).
#include "extract/directive_comments.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace tonelint {
namespace {

// The bodies of the comments found, as written.
std::vector<std::string> bodies(const std::string& text, CommentSyntax syntax) {
  auto source = testing::source_of(text);
  std::vector<std::string> out;
  for (const DirectiveComment& c : find_directive_comments(*source, syntax)) {
    EXPECT_LE(c.offset, c.body_offset);
    EXPECT_LE(c.body_offset + c.body_length, c.offset + c.length);
    out.emplace_back(source->bytes().substr(c.body_offset, c.body_length));
  }
  return out;
}

TEST(DirectiveCommentsTest, NothingWithoutTheWord) {
  EXPECT_TRUE(bodies("<!-- a comment -->\n# a heading\n", CommentSyntax::kHtmlComment).empty());
  EXPECT_TRUE(bodies("# a heading\n", CommentSyntax::kHashOrSlashLine).empty());
}

TEST(DirectiveCommentsTest, HashOrSlashLines) {
  EXPECT_EQ(bodies("# tonelint-disable a\nText.\n  // tonelint-enable\n# not tonelint-disable\n",
                   CommentSyntax::kHashOrSlashLine),
            (std::vector<std::string>{"tonelint-disable a", "tonelint-enable"}));
}

TEST(DirectiveCommentsTest, HtmlCommentsSpanLines) {
  EXPECT_EQ(bodies("a <!-- tonelint-disable\n x --> b <!--c-->\n<!-- tonelint-enable", CommentSyntax::kHtmlComment),
            (std::vector<std::string>{" tonelint-disable\n x ", "c", " tonelint-enable"}));
}

TEST(DirectiveCommentsTest, MarkdownSkipsFencedCode) {
  const std::string text =
      "```\n<!-- tonelint-disable -->\n```\n~~~\n```\n<!-- tonelint-disable x -->\n~~~\n<!-- tonelint-enable -->\n";
  EXPECT_EQ(bodies(text, CommentSyntax::kHtmlCommentOutsideFences), (std::vector<std::string>{" tonelint-enable "}));
  EXPECT_EQ(bodies(text, CommentSyntax::kHtmlComment).size(), 3u);
}

// MDX: {/* … */} (and <!-- … -->) where MDX reads a comment; not in fences, inline code,
// strings or front matter, and not an expression that holds more than the comment.
TEST(DirectiveCommentsTest, MdxCommentsOutsideCode) {
  const std::string text =
      "---\nnote: \"{/* tonelint-disable fm */}\"\n---\n{/* tonelint-disable a */}\nText {/*tonelint-enable a*/}.\n"
      "```\n{/* tonelint-disable b */}\n```\nCode `{/* tonelint-disable c */}` and {'/* tonelint-disable d */'}\n"
      "{x /* tonelint-disable e */}\n<!-- tonelint-disable-next-line -->\n";
  EXPECT_EQ(bodies(text, CommentSyntax::kMdxComment),
            (std::vector<std::string>{" tonelint-disable a ", "tonelint-enable a", " tonelint-disable-next-line "}));
  EXPECT_TRUE(bodies("{/* a comment */}\n", CommentSyntax::kMdxComment).empty());
}

}  // namespace
}  // namespace tonelint
