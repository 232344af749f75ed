// Which source spans a rewrite may replace (issue 13, item 4): one run of plain text only.
#include "extract/verbatim_spans.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tonelint {
namespace {

using tonelint::testing::source_of;

// Whether source bytes [offset, offset + length) of `bytes` may be rewritten.
bool rewritable(const std::string& bytes, const std::string& name, std::uint32_t offset, std::uint32_t length) {
  auto source = source_of(bytes, name);
  auto doc = extractor_for_path(name).extract(*source);
  EXPECT_TRUE(doc.ok());
  return doc.ok() && VerbatimSpans(*doc).contains(offset, length);
}

TEST(VerbatimSpansTest, PlainTextInsideOneElementIsRewritable) {
  const std::string html = "<p>Please <b>utilize</b> it.</p>";
  EXPECT_TRUE(rewritable(html, "a.html", html.find("utilize"), 7));
  EXPECT_TRUE(rewritable("Please utilize it.\n", "a.md", 7, 7));
}

TEST(VerbatimSpansTest, ASpanAcrossATagACommentOrAnEntityIsNot) {
  const std::string tag = "<p>ut<b>il</b>ize</p>";
  EXPECT_FALSE(rewritable(tag, "a.html", 3, tag.find("ize") + 3 - 3));
  const std::string comment = "<p>util<!-- x -->ize</p>";
  EXPECT_FALSE(rewritable(comment, "a.html", 3, comment.find("ize") + 3 - 3));
  const std::string entity = "<p>ut&#105;lize it</p>";
  EXPECT_FALSE(rewritable(entity, "a.html", 3, entity.find("lize") + 4 - 3));
  const std::string emphasis = "Please utili**ze** it.\n";
  EXPECT_FALSE(rewritable(emphasis, "a.md", 7, emphasis.find("ze**") + 4 - 7));
  EXPECT_TRUE(rewritable(emphasis, "a.md", 7, 5));  // "utili" alone is one run
}

TEST(VerbatimSpansTest, ALineBreakAloneBetweenWordsIsPlainButAQuoteMarkerIsNot) {
  EXPECT_TRUE(rewritable("We will circle\nback soon.\n", "a.md", 8, 11));
  const std::string quoted = "> We will circle\n> back soon.\n";
  EXPECT_FALSE(rewritable(quoted, "a.md", 10, quoted.find("back") + 4 - 10));
}

}  // namespace
}  // namespace tonelint
