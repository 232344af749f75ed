#include "extract/html_extractor.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "input/utf8.h"
#include "extracted.h"

namespace tonelint {
namespace {

using ::tonelint::testing::Extracted;
using ::tonelint::testing::source_of;
using ::tonelint::testing::extract_with;
using ::tonelint::testing::expect_characters_map_back;
using Texts = std::vector<std::string>;



Extracted extract(std::string html, std::string name = "page.html") {
  return extract_with(HtmlExtractor(), std::move(html), std::move(name));
}

TEST(HtmlExtractorTest, IsChosenByExtensionAndName) {
  EXPECT_EQ(extractor_for_path("news/letter.html").format(), "html");
  EXPECT_EQ(extractor_for_path("a.HTM").format(), "html");
  EXPECT_EQ(extractor_for_path("a.xhtml").format(), "html");
  ASSERT_NE(extractor_for_format("html"), nullptr);
  EXPECT_EQ(extractor_for_format("html")->format(), "html");
}

TEST(HtmlExtractorTest, BlockElementsMakeBlocksOfTheirKind) {
  const auto e = extract(
      "<html><head><title>Spring news</title></head><body>"
      "<h2>Big <em>news</em></h2><p>First <b>bold</b> words.</p>"
      "<ul><li>One item</li><li><p>Item paragraph</p></li></ul>"
      "<table><tr><th>Plan</th><td>Price here</td></tr></table>"
      "<blockquote><p>Quoted text</p></blockquote><dl><dt>Term</dt><dd>Meaning</dd></dl>"
      "<figure><figcaption>A caption</figcaption></figure></body></html>");
  EXPECT_EQ(e.texts(), (Texts{"Spring news", "Big news", "First bold words.", "One item", "Item paragraph", "Plan",
                              "Price here", "Quoted text", "Term", "Meaning", "A caption"}));
  const auto& b = e.blocks();
  ASSERT_EQ(b.size(), 11u);
  EXPECT_EQ(b[0].kind, BlockKind::kHeading);
  EXPECT_EQ(b[1].kind, BlockKind::kHeading);
  EXPECT_EQ(b[1].heading_level, 2);
  EXPECT_EQ(b[2].kind, BlockKind::kParagraph);
  EXPECT_FALSE(b[2].in_list);
  EXPECT_EQ(b[3].kind, BlockKind::kListItem);
  EXPECT_TRUE(b[3].in_list);
  EXPECT_EQ(b[4].kind, BlockKind::kListItem);  // a list item's paragraph is the item
  EXPECT_EQ(b[5].kind, BlockKind::kTableCell);
  EXPECT_EQ(b[6].kind, BlockKind::kTableCell);
  EXPECT_EQ(b[7].kind, BlockKind::kParagraph);
  EXPECT_TRUE(b[7].in_blockquote);
  EXPECT_FALSE(b[6].in_blockquote);
  EXPECT_EQ(b[8].kind, BlockKind::kListItem);
  EXPECT_EQ(b[10].kind, BlockKind::kParagraph);
  expect_characters_map_back(e);
}

TEST(HtmlExtractorTest, LayoutTablesOfHtmlMailAreNotTableCells) {
  // Mail templates lay out with tables: a single-cell table or one holding another table
  // is layout, and its text is paragraph text.
  const auto e = extract(
      "<table role=\"presentation\"><tr><td>Layout one</td><td>Layout two</td></tr></table>"
      "<table><tr><td><table><tr><td>Nested</td></tr></table></td></tr></table>"
      "<table><tr><td>Single cell</td></tr></table>");
  EXPECT_EQ(e.texts(), (Texts{"Layout one", "Layout two", "Nested", "Single cell"}));
  for (const TextBlock& b : e.blocks()) EXPECT_EQ(b.kind, BlockKind::kParagraph) << b.text;
}

TEST(HtmlExtractorTest, EntitiesAreDecodedAndMapToTheirBytes) {
  const auto e = extract("<p>We&#39;re sorry &amp; we&rsquo;ll fix it&nbsp;now. &#x3042;&#12356;&lt;3</p>");
  ASSERT_EQ(e.texts().size(), 1u);
  EXPECT_EQ(e.texts()[0], "We're sorry & we\u2019ll fix it\u00A0now. \u3042\u3044<3");
  EXPECT_EQ(e.source_of(0, "We're"), "We&#39;re");
  EXPECT_EQ(e.source_of(0, "sorry"), "sorry");
  EXPECT_EQ(e.source_of(0, "&"), "&amp;");
  EXPECT_EQ(e.source_of(0, "\u3042"), "&#x3042;");
  EXPECT_EQ(e.source_of(0, "fix it"), "fix it");
  expect_characters_map_back(e);
}

TEST(HtmlExtractorTest, ReferencesOutsideOurTableTakeTheParsersText) {
  // gumbo knows every HTML5 name; where we do not, its text wins and only that piece maps
  // coarsely: the words around it stay exact.
  const auto e = extract("<p>I &hearts; tonelint &notit; and &amp more &unknownname; end</p>");
  ASSERT_EQ(e.texts().size(), 1u);
  EXPECT_EQ(e.texts()[0], "I \u2665 tonelint \u00ACit; and & more &unknownname; end");
  EXPECT_EQ(e.source_of(0, "tonelint"), "tonelint");
  EXPECT_EQ(e.source_of(0, "end"), "end");
  EXPECT_EQ(e.source_of(0, "I"), "I");
}

TEST(HtmlExtractorTest, WhitespaceCollapsesAsInABrowser) {
  const auto e = extract(
      "<p>\n   Thanks   for\n\twaiting.\r\n  </p><p>お問い合わせ\r\n  ください。</p>"
      "<p>Line one<br>line two<br/>\n</p><p>a <b>b</b> <i>c</i></p>");
  EXPECT_EQ(e.texts(), (Texts{"Thanks for waiting.", "お問い合わせください。", "Line one\nline two", "a b c"}));
  // The collapsed run maps to every blank it stands for.
  EXPECT_EQ(e.source_of(0, "Thanks for"), "Thanks   for");
  EXPECT_EQ(e.source_of(2, "\n"), "<br>");
  expect_characters_map_back(e);
}

TEST(HtmlExtractorTest, CodeScriptsStylesAndCommentsAreNeverProse) {
  const auto e = extract(
      "<head><style>p { color: red }</style><script>alert('hi')</script></head>"
      "<p>Run <code>make install</code> then <kbd>Ctrl+C</kbd>.</p>"
      "<pre>preformatted stuff</pre><!-- a comment --><template><p>templ</p></template>"
      "<noscript>enable js</noscript><svg><text>vector words</text></svg>"
      "<math><mi>x</mi></math><textarea>typed</textarea><p>After.</p>");
  EXPECT_EQ(e.texts(), (Texts{"Run \uFFFC then \uFFFC.", "After."}));
  ASSERT_EQ(e.blocks()[0].masks.size(), 2u);
  EXPECT_EQ(e.blocks()[0].masks[0].kind, MaskKind::kCode);
  EXPECT_EQ(e.source_of(0, "\uFFFC"), "<code>make install</code>");
  for (const char* word : {"color", "alert", "preformatted", "comment", "templ", "enable", "vector", "typed", "mi"}) {
    EXPECT_EQ(e.all_text().find(word), std::string::npos) << word;
  }
  expect_characters_map_back(e);
}

TEST(HtmlExtractorTest, TemplateSyntaxIsMasked) {
  const auto e = extract("<p>Hi {{ first_name }}, your {% if plan %}plan{% endif %} <%= total %> is ready.</p>"
                         "<p>{{name}}様、ご確認ください。</p>");
  EXPECT_EQ(e.texts(), (Texts{"Hi \uFFFC, your \uFFFCplan\uFFFC \uFFFC is ready.", "\uFFFC様、ご確認ください。"}));
  EXPECT_EQ(e.source_of(0, "\uFFFC"), "{{ first_name }}");
  EXPECT_EQ(e.source_of(1, "\uFFFC"), "{{name}}");
  expect_characters_map_back(e);
}

TEST(HtmlExtractorTest, AltAndTitleAttributesAreBlocksOfTheirOwn) {
  const auto e = extract(
      "<p>See <img src=\"a.png\" alt=\"Picture of our &quot;new&quot; app\"> the <a href=\"/x\" "
      "title='Open the pricing page'>pricing</a>.</p><img alt=\"Same\" title=\"Same\">"
      "<input type=image alt=\"Send now\"><map><area alt=\"Top area\" href=\"#\"></map><img alt=\"\">");
  EXPECT_EQ(e.texts(), (Texts{"See the pricing.", "Picture of our \"new\" app", "Open the pricing page", "Same",
                              "Send now", "Top area"}));
  for (std::size_t i = 1; i < e.blocks().size(); ++i) EXPECT_EQ(e.blocks()[i].kind, BlockKind::kAltText);
  EXPECT_EQ(e.source_of(1, "\"new\""), "&quot;new&quot;");
  EXPECT_EQ(e.source_of(2, "pricing page"), "pricing page");
  // The paragraph's link text is an inline span.
  ASSERT_EQ(e.blocks()[0].spans.size(), 1u);
  const InlineSpan& link = e.blocks()[0].spans[0];
  EXPECT_EQ(link.kind, InlineKind::kLinkText);
  EXPECT_EQ(e.blocks()[0].text.substr(link.text_begin, link.text_end - link.text_begin), "pricing");
  expect_characters_map_back(e);
}

TEST(HtmlExtractorTest, LinkSpansCoverTheLinkTextOnly) {
  const auto e = extract("<p>Please <a href=\"https://x\"> click <b>here</b> </a> to <a name=\"anchor\">go</a>.</p>");
  ASSERT_EQ(e.texts(), (Texts{"Please click here to go."}));
  ASSERT_EQ(e.blocks()[0].spans.size(), 1u);  // an anchor without href is no link
  const InlineSpan& s = e.blocks()[0].spans[0];
  EXPECT_EQ(e.blocks()[0].text.substr(s.text_begin, s.text_end - s.text_begin), "click here");
}

TEST(HtmlExtractorTest, OffsetsCountTheBomAndCrlf) {
  const std::string html = "\xEF\xBB\xBF<p>One\r\ntwo &amp; three</p>\r\n<p>四五&#x516D;</p>";
  const auto e = extract(html);
  EXPECT_EQ(e.texts(), (Texts{"One two & three", "四五六"}));
  EXPECT_EQ(e.blocks()[0].map.to_source_begin(0), html.find("One"));
  EXPECT_EQ(e.source_of(0, "three"), "three");
  EXPECT_EQ(e.blocks()[1].map.to_source_begin(0), html.find("四五"));
  EXPECT_EQ(e.source_of(1, "六"), "&#x516D;");
  expect_characters_map_back(e);
}

TEST(HtmlExtractorTest, BrokenMarkupNeverFails) {
  for (const std::string& html :
       {std::string(""), std::string("<"), std::string("<p"), std::string("<p>unclosed <b>bold <i>both"),
        std::string("</p></div>text</table>"), std::string("<table>foster<tr><td>cell"),
        std::string("<a href=\"x>never closed"), std::string("<p title=\"unterminated>words</p>"),
        std::string("a</foo>b &#xFFFFFFFF; &#0; &#128; &"), std::string("<!-- open comment"),
        std::string("<script>never closed")}) {
    SCOPED_TRACE(html);
    const auto e = extract(html);
    ASSERT_TRUE(e.status.ok()) << e.status.to_string();
    expect_characters_map_back(e);
  }
  const auto e = extract("<p>unclosed <b>bold <i>both");
  EXPECT_EQ(e.texts(), (Texts{"unclosed bold both"}));
  const auto foster = extract("a</foo>b &#128;");
  EXPECT_EQ(foster.texts(), (Texts{"ab \u20AC"}));  // an ignored tag inside the text is nothing
}

TEST(HtmlExtractorTest, DeepNestingAndHugeAttributesAreFine) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div><span>";
  deep += "deep text";
  const auto d = extract(deep);
  EXPECT_EQ(d.texts(), (Texts{"deep text"}));

  const std::string alt(1 << 20, 'a');
  const auto e = extract("<p>Before</p><img alt=\"" + alt + "\"><p>After</p>");
  ASSERT_EQ(e.texts().size(), 3u);
  EXPECT_EQ(e.texts()[1].size(), alt.size());
  EXPECT_EQ(e.blocks()[1].map.to_source_begin(0), std::string("<p>Before</p><img alt=\"").size());
  EXPECT_EQ(e.texts()[2], "After");
}

TEST(HtmlExtractorTest, MailModeLeavesOutTitleQuotesAndSignatures) {
  auto source = source_of(
      "<title>Subject again</title><p>Our reply.</p><blockquote type=\"cite\">You wrote this.</blockquote>"
      "<div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon, Sam wrote:</div>Quoted.</div>"
      "<blockquote>A real quotation.</blockquote><div class=\"x gmail_signature\">Sam, Support</div>",
      "part.html");
  Document doc(*source, "email");
  HtmlOptions options;
  options.email = true;
  ASSERT_TRUE(extract_html(source->text(), nullptr, options, &doc).ok());
  Texts texts;
  for (const TextBlock& b : doc.blocks()) texts.emplace_back(b.text);
  EXPECT_EQ(texts, (Texts{"Our reply.", "A real quotation."}));
}

TEST(HtmlExtractorTest, ComposesWithTheMapOfADecodedBuffer) {
  // An HTML part decoded from an e-mail: the HTML text lives in a buffer that maps to the
  // file through `outer`. Here the buffer is the file's text shifted by 10 bytes.
  auto source = source_of("0123456789<p>Hello &amp; welcome</p>", "m.eml");
  const std::string buffer(source->bytes().substr(10));
  SourceMap outer;
  outer.append_verbatim(10, static_cast<std::uint32_t>(buffer.size()));
  Document doc(*source, "email");
  ASSERT_TRUE(extract_html(buffer, &outer, HtmlOptions{}, &doc).ok());
  ASSERT_EQ(doc.blocks().size(), 1u);
  const TextBlock& b = doc.blocks()[0];
  EXPECT_EQ(b.text, "Hello & welcome");
  EXPECT_EQ(b.map.to_source_begin(0), 13u);
  EXPECT_EQ(b.map.to_source_begin(6), 19u);  // "&" is "&amp;" at 19
  EXPECT_EQ(b.map.to_source_end(7), 24u);
  EXPECT_EQ(b.map.to_source_begin(8), 25u);
}

}  // namespace
}  // namespace tonelint
