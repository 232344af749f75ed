// Issue 13, item 11: gumbo compares each attribute of a tag with all those before it, so
// an HTML draft of 15,000 attributes (60 KB) cost 0.55 s of CPU. thin_attributes() keeps a
// bounded number per tag, and the attributes the extractor reads, in one linear pass.
#include "extract/html_attribute_limit.h"

#include <gtest/gtest.h>
#include <time.h>

#include <cctype>
#include <string>

#include "extract/html_extractor.h"
#include "extracted.h"

namespace tonelint {
namespace {

using ::tonelint::testing::extract_with;

// `count` attributes of distinct three-letter names, no values: four bytes each. (Repeats
// of one name are cheap for gumbo: it finds the first at once; distinct names are not.)
std::string many_attributes(std::size_t count, const std::string& tail) {
  std::string html = "<p>Before.</p><img";
  for (std::size_t i = 0, made = 0; made < count; ++i) {
    const std::string name = {static_cast<char>('a' + i / 676 % 26), static_cast<char>('a' + i / 26 % 26),
                              static_cast<char>('a' + i % 26)};
    if (name == "alt") continue;  // the tail's alt must be the first
    html += ' ' + name;
    ++made;
  }
  return html + tail + "><p>After.</p>";
}

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

TEST(HtmlAttributes, FifteenThousandAttributesCostLittleAndTheAltIsStillChecked) {
  const std::string html = many_attributes(15000, " alt=\"Please utilize the form.\" title=\"A title\"");
  ASSERT_GT(html.size(), 60000u);
  ASSERT_LT(html.size(), 64u << 10);  // a request the service accepts
  HtmlExtractor extractor;
  double best = 1e9;
  for (int round = 0; round < 3; ++round) {  // best of three: a busy machine only adds
    const double start = thread_cpu_seconds();
    const auto e = extract_with(extractor, html, "attrs.html");
    best = std::min(best, thread_cpu_seconds() - start);
    const std::string all = e.all_text();
    EXPECT_NE(all.find("Please utilize the form."), std::string::npos) << all;
    EXPECT_NE(all.find("A title"), std::string::npos) << all;
    EXPECT_NE(all.find("After."), std::string::npos) << all;
  }
#ifdef TONELINT_SANITIZED
  const double bound = 0.4;
#else
  const double bound = 0.05;  // the bound for a 64 KiB request; it was 0.55 s
#endif
  EXPECT_LT(best, bound) << "extracting 15,000 attributes took " << best << " s of CPU";
}

// Tags at the per-tag limit, 60 KB of them: the document's budget bounds the rest.
TEST(HtmlAttributes, ManyTagsAtTheLimitStayCheap) {
  std::string html;
  int tags = 0;
  while (html.size() < 60000) html += many_attributes(kMaxHtmlAttributesPerTag, " alt=\"Picture " + std::to_string(++tags) + "\"");
  HtmlExtractor extractor;
  double best = 1e9;
  for (int round = 0; round < 3; ++round) {
    const double start = thread_cpu_seconds();
    const auto e = extract_with(extractor, html, "attrs.html");
    best = std::min(best, thread_cpu_seconds() - start);
    // Past the document's budget, the attributes read by name are all still there.
    EXPECT_NE(e.all_text().find("Picture " + std::to_string(tags) + "\n"), std::string::npos);
  }
#ifdef TONELINT_SANITIZED
  EXPECT_LT(best, 0.4) << best;
#else
  EXPECT_LT(best, 0.05) << best;
#endif
}

TEST(HtmlAttributes, ThinningBlanksOnlyPastTheLimitAndKeepsOffsets) {
  EXPECT_TRUE(thin_attributes("<p a=1 b=2 class=x>hi</p>").empty());  // nothing over: no copy
  const std::string html = many_attributes(kMaxHtmlAttributesPerTag + 10, " ALT='kept' alt=\"dropped\"");
  const std::string thin = thin_attributes(html);
  ASSERT_EQ(thin.size(), html.size());
  EXPECT_NE(thin.find("ALT='kept'"), std::string::npos);
  EXPECT_EQ(thin.find("dropped"), std::string::npos);  // a repeat: gumbo keeps the first anyway
  std::size_t attributes = 0;  // three letters between spaces
  for (std::size_t at = 0; at + 4 < thin.size(); ++at) {
    if (thin[at] == ' ' && std::islower(static_cast<unsigned char>(thin[at + 1])) && thin[at + 4] == ' ') ++attributes;
  }
  EXPECT_EQ(attributes, kMaxHtmlAttributesPerTag);
  EXPECT_NE(thin.find("<p>After.</p>"), std::string::npos);
  // Not tags: a comment and raw text are left alone, whatever they hold.
  std::string fake = "<!-- <b";
  for (std::size_t i = 0; i < 300; ++i) fake += " x=1";
  fake += "> --><textarea><i";
  for (std::size_t i = 0; i < 300; ++i) fake += " y=1";
  fake += "></textarea>";
  EXPECT_TRUE(thin_attributes(fake).empty());
}

}  // namespace
}  // namespace tonelint
