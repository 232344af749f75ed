// `tonelint check` on HTML and e-mail drafts (tests/fixtures/extract/) with the shipped
// guide: every finding's line, column and match are those of the original file's bytes,
// whatever markup, entities or transfer encodings stand between the file and the text.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "input/utf8.h"
#include "test_support.h"

namespace tonelint {
namespace {

using testing::read_file;
using testing::temp_file;

using testing::run_tonelint;

const std::string kGuide = std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml";
const std::string kDir = std::string(TONELINT_TEST_DATA) + "/extract/";



struct Finding {
  std::string rule;
  std::uint32_t line, column, offset, length;
  std::string match;
  std::size_t suggestions;
};

// Checks a file and verifies each finding against the file's bytes: `match` is the bytes
// at offset/length, and line/column are where that offset is (columns in code points).
std::vector<Finding> check(const std::string& path, const std::string& flags = "") {
  const auto r = run_tonelint("check --guide " + kGuide + " --format json " + flags + " " + path);
  EXPECT_LE(r.exit_code, 1) << r.err;
  const std::string bytes = read_file(path);
  std::vector<Finding> out;
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_discarded()) {
    ADD_FAILURE() << r.out;
    return out;
  }
  for (const auto& d : j["files"][0]["diagnostics"]) {
    Finding f{d["rule"], d["line"], d["column"], d["offset"], d["length"], d["match"], d["suggestions"].size()};
    SCOPED_TRACE(f.rule + " at " + std::to_string(f.line) + ":" + std::to_string(f.column));
    EXPECT_LE(f.offset + f.length, bytes.size());
    EXPECT_EQ(f.match, bytes.substr(f.offset, f.length));
    const std::size_t line_start = bytes.rfind('\n', f.offset == 0 ? 0 : f.offset - 1);
    const std::size_t begin = line_start == std::string::npos || f.offset == 0 ? 0 : line_start + 1;
    EXPECT_EQ(f.line, 1 + std::count(bytes.begin(), bytes.begin() + f.offset, '\n'));
    EXPECT_EQ(f.column, 1 + count_code_points(std::string_view(bytes).substr(begin, f.offset - begin)));
    out.push_back(f);
  }
  return out;
}

const Finding* find(const std::vector<Finding>& findings, const std::string& rule, std::uint32_t line) {
  for (const Finding& f : findings) {
    if (f.rule == rule && f.line == line) return &f;
  }
  return nullptr;
}

TEST(HtmlEmailCheckTest, NewsletterFindingsPointAtTheHtml) {
  const auto findings = check(kDir + "newsletter.html");
  // After entities, inline markup and collapsed line breaks, each at its own bytes.
  const Finding* shouchi = find(findings, "tonelint.shouchi", 18);
  ASSERT_NE(shouchi, nullptr);
  EXPECT_EQ(shouchi->column, 19u);
  EXPECT_EQ(shouchi->match, "了解しました");
  EXPECT_EQ(shouchi->suggestions, 1u);  // plain HTML text: the rewrite can be applied
  const Finding* apology = find(findings, "tonelint.casual-apology", 19);
  ASSERT_NE(apology, nullptr);
  EXPECT_EQ(apology->match, "すみません");
  EXPECT_EQ(apology->column, 25u);
  const Finding* obviously = find(findings, "tonelint.condescending", 13);
  ASSERT_NE(obviously, nullptr);
  EXPECT_EQ(obviously->match, "Obviously");
  EXPECT_EQ(obviously->column, 38u);
  const Finding* utilize = find(findings, "tonelint.plain-words", 14);
  ASSERT_NE(utilize, nullptr);
  EXPECT_EQ(utilize->match, "utilize");
  EXPECT_EQ(find(findings, "tonelint.casual-en", 11)->match, "Hey");
  for (const Finding& f : findings) {
    EXPECT_NE(f.line, 16u) << f.rule << ": the line after tonelint-disable-next-line";
    EXPECT_NE(f.line, 20u) << f.rule << ": <pre> is not prose";
    EXPECT_EQ(f.match.find("{{"), std::string::npos) << f.rule;
  }
}

TEST(HtmlEmailCheckTest, EnglishReplyChecksSubjectAndTheHtmlAlternativeOnce) {
  const auto findings = check(kDir + "support-reply-en.eml");
  const Finding* bang = find(findings, "tonelint.exclamation", 3);
  ASSERT_NE(bang, nullptr);
  EXPECT_EQ(bang->match, "!");  // the second "!" of the subject
  int condescending = 0;
  for (const Finding& f : findings) {
    condescending += f.rule == "tonelint.condescending";
    if (f.rule == "tonelint.plain-words") {
      EXPECT_EQ(f.match, "as per");
      EXPECT_EQ(f.suggestions, 0u) << "no rewrite into quoted-printable bytes";
    }
  }
  // The plain and HTML alternatives say the same; the quote, the signature and the PDF
  // (which also says "Obviously") are not checked.
  EXPECT_EQ(condescending, 1);
  const std::string bytes = read_file(kDir + "support-reply-en.eml");
  const std::size_t html_part = bytes.find("Content-Type: text/html");
  const std::size_t attachment = bytes.find("Content-Type: application/pdf");
  for (const Finding& f : findings) {
    if (f.line > 3) {
      EXPECT_GT(f.offset, html_part) << f.rule;
      EXPECT_LT(f.offset, attachment) << f.rule;
    }
  }
}

TEST(HtmlEmailCheckTest, JapaneseIso2022JpReplyPointsAtTheJisBytes) {
  const auto findings = check(kDir + "support-reply-ja.eml");
  const std::string bytes = read_file(kDir + "support-reply-ja.eml");
  const Finding* shouchi = find(findings, "tonelint.shouchi", 15);
  ASSERT_NE(shouchi, nullptr);
  EXPECT_EQ(shouchi->match, "N;2r$7$^$7$?");  // 了解しました in JIS X 0208, no escapes
  EXPECT_EQ(shouchi->suggestions, 0u);         // a rewrite would break the ISO-2022-JP text
  ASSERT_NE(find(findings, "tonelint.casual-apology", 16), nullptr);
  ASSERT_NE(find(findings, "tonelint.exclamation", 15), nullptr);
  // The quoted question below the attribution line and the signature are not checked.
  const std::size_t attribution = bytes.find("yamada@example.jp>:");
  for (const Finding& f : findings) EXPECT_LT(f.offset, attribution) << f.rule;
}

TEST(HtmlEmailCheckTest, DirectoriesPickUpHtmlAndEmail) {
  const auto r = run_tonelint("check --guide " + kGuide + " --format json " + kDir);
  const auto j = nlohmann::json::parse(r.out);
  std::vector<std::string> paths;
  for (const auto& f : j["files"]) paths.push_back(f["path"]);
  ASSERT_EQ(paths.size(), 3u) << r.out;
  EXPECT_NE(paths[0].find("newsletter.html"), std::string::npos);
  EXPECT_NE(paths[1].find("support-reply-en.eml"), std::string::npos);
  EXPECT_NE(paths[2].find("support-reply-ja.eml"), std::string::npos);
}

TEST(HtmlEmailCheckTest, FixRewritesHtmlButNeverEncodedMail) {
  const std::string html = temp_file("fix.html", "<p>お問い合わせの件、了解しました&#12290;</p>\n");
  EXPECT_EQ(run_tonelint("check --guide " + kGuide + " --fix " + html).exit_code, 0);
  EXPECT_EQ(read_file(html), "<p>お問い合わせの件、承知しました&#12290;</p>\n");
  const std::string original = read_file(kDir + "support-reply-ja.eml");
  const std::string eml = temp_file("fix.eml", original);
  run_tonelint("check --guide " + kGuide + " --fix=all " + eml);
  EXPECT_EQ(read_file(eml), original);
}

TEST(HtmlEmailCheckTest, UnreadableMailIsExitTwoWithWhere) {
  const std::string unknown = temp_file(
      "charset.eml", "Subject: hi\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-unknown-cs\r\n\r\nbody\r\n");
  const auto r = run_tonelint("check --guide " + kGuide + " " + unknown);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("charset.eml:3:1: unknown charset 'x-unknown-cs'"), std::string::npos) << r.err;
  // Raw 8-bit Shift_JIS (了解 = 97 B9 89 F0) cannot be mapped to lines and columns of text.
  const std::string sjis = temp_file("sjis.eml", "Subject: hi\r\nContent-Type: text/plain; charset=Shift_JIS\r\n"
                                                 "Content-Transfer-Encoding: 8bit\r\n\r\n\x97\xB9\x89\xF0\r\n");
  const auto s = run_tonelint("check --guide " + kGuide + " " + sjis);
  EXPECT_EQ(s.exit_code, 2);
  EXPECT_NE(s.err.find("sjis.eml:5:1"), std::string::npos) << s.err;
  EXPECT_NE(s.err.find("quoted-printable or base64"), std::string::npos) << s.err;
}

}  // namespace
}  // namespace tonelint
