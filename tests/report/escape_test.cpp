// report/escape.h: what names and messages look like in the outputs a person or a CI log
// reads, and what the XML writers keep.
#include <gtest/gtest.h>

#include "input/utf8.h"
#include "report/escape.h"
#include "report/json_report.h"

namespace tonelint::report {
namespace {

TEST(QuoteName, PlainNamesStayAsTheyAre) {
  EXPECT_EQ(quote_name("docs/outage reply.md"), "docs/outage reply.md");
  EXPECT_EQ(quote_name("お知らせ/障害.md"), "お知らせ/障害.md");
  EXPECT_EQ(quote_name(""), "");
}

TEST(QuoteName, ControlsBadBytesQuotesAndBackslashesAreQuoted) {
  EXPECT_EQ(quote_name("nl\n::error file=README.md::X.md"), "\"nl\\n::error file=README.md::X.md\"");
  EXPECT_EQ(quote_name("e\x1b[31m.md"), "\"e\\e[31m.md\"");
  EXPECT_EQ(quote_name("bad\xff.md"), "\"bad\\xff.md\"");
  EXPECT_EQ(quote_name("a\"b.md"), "\"a\\\"b.md\"");
  EXPECT_EQ(quote_name("a\\b.md"), "\"a\\\\b.md\"");
  EXPECT_EQ(quote_name("tab\there\r\x7f"), "\"tab\\there\\r\\x7f\"");
  EXPECT_EQ(quote_name("rtl\u202Egnp.md"), "\"rtl\\u{202e}gnp.md\"");
  EXPECT_EQ(quote_name("c1\u0085.md"), "\"c1\\u{0085}.md\"");
}

TEST(EscapeControls, LeavesTextAndBackslashesEscapesControls) {
  EXPECT_EQ(escape_controls("Write 'use' \\ not 'utilize'."), "Write 'use' \\ not 'utilize'.");
  EXPECT_EQ(escape_controls("a\nb\x01\xc3"), "a\\nb\\x01\\xc3");
  EXPECT_FALSE(find_invalid_utf8(escape_controls("x\xff\xfe\xc3\x28")).has_value());
}

TEST(XmlChars, ReplacesWhatXml10Forbids) {
  EXPECT_EQ(to_xml_chars("ok\t\n\r"), "ok\t\n\r");
  EXPECT_EQ(to_xml_chars("a\x01" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(to_xml_chars("a\xff" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(to_xml_chars("\xEF\xBF\xBE\xEF\xBF\xBF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // U+FFFE, U+FFFF
  EXPECT_EQ(to_xml_chars("日本語"), "日本語");
}

TEST(HexBytes, EveryByte) { EXPECT_EQ(hex_bytes("a\xff\x00"), "61ff"); }

TEST(FindingBound, KeepsTheFirstCountsTheRest) {
  std::vector<Diagnostic> diagnostics(12);
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    diagnostics[i].offset = static_cast<std::uint32_t>(i);
    diagnostics[i].level = i % 3 == 0 ? Level::kError : i % 3 == 1 ? Level::kWarning : Level::kSuggestion;
  }
  EXPECT_EQ(count_at_or_above(diagnostics, Level::kWarning), 8);
  const LevelCounts dropped = keep_first_findings(&diagnostics, 5);
  ASSERT_EQ(diagnostics.size(), 5u);
  EXPECT_EQ(diagnostics.back().offset, 4u);
  EXPECT_EQ(dropped.total(), 7);
  EXPECT_EQ(dropped.errors, 2);       // 6, 9
  EXPECT_EQ(dropped.warnings, 2);     // 7, 10
  EXPECT_EQ(dropped.suggestions, 3);  // 5, 8, 11
  EXPECT_EQ(dropped.at_or_above(Level::kWarning), 4);
  EXPECT_EQ(keep_first_findings(&diagnostics, 5).total(), 0);
}

TEST(JsonSummary, RefusedFilesAreCountedApartAndNothingCheckedHasNoScore) {
  JsonSummary none;
  none.add_refused();
  const auto j = none.to_json();
  EXPECT_EQ(j["files"], 0);
  EXPECT_EQ(j["refused"], 1);
  EXPECT_TRUE(j["score"].is_null());
}

}  // namespace
}  // namespace tonelint::report
