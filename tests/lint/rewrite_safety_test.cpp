// The rewrite safety pass on the shipped guide: what a plain --fix may apply, and what it
// must leave to the writer. (The fixture tests/fixtures/rules/rewrite_safety.yaml covers
// each reason on a guide of its own.)
#include "lint/rewrite_safety.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "lint/session.h"
#include "load/guide_loader.h"
#include "test_support.h"

namespace tonelint {
namespace {

class ShippedGuideRewrites : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    GuideLoad load = load_guide_file(std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml");
    ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
    guide_ = load.guide;
  }

  // The findings of `rule` (without the guide's prefix) in `text`.
  std::vector<Diagnostic> findings(const std::string& text, const std::string& rule, const std::string& name = "t.txt") {
    auto session = LintSession::create(guide_, testing::shared_model());
    EXPECT_TRUE(session.ok());
    auto source = testing::source_of(text, name);
    auto report = (*session)->lint(*source, extractor_for_path(name), Context{});
    EXPECT_TRUE(report.ok());
    std::vector<Diagnostic> out;
    for (const Diagnostic& d : report->result.diagnostics) {
      if (d.rule == "tonelint." + rule) out.push_back(d);
    }
    return out;
  }

  static std::shared_ptr<const Guide> guide_;
};
std::shared_ptr<const Guide> ShippedGuideRewrites::guide_;

TEST_F(ShippedGuideRewrites, ARefusalRewriteThatLacksACushionIsOfferedButNotSafe) {
  const auto bare = findings("返金はできません。", "blunt-refusal");
  ASSERT_EQ(bare.size(), 1u);
  ASSERT_EQ(bare[0].suggestions.size(), 1u);
  EXPECT_EQ(bare[0].suggestions[0].text, "返金はいたしかねます");
  EXPECT_FALSE(bare[0].suggestions[0].safe);  // いたしかねます alone is flagged by `cushion`

  const auto cushioned = findings("恐れ入りますが、返金はできません。", "blunt-refusal");
  ASSERT_EQ(cushioned.size(), 1u);
  ASSERT_EQ(cushioned[0].suggestions.size(), 1u);
  EXPECT_TRUE(cushioned[0].suggestions[0].safe);
}

TEST_F(ShippedGuideRewrites, AVagueAbbreviationIsNotExpandedIntoAnEquallyVaguePhrase) {
  for (const Diagnostic& d : findings("We will reply ASAP.", "casual-en")) {
    for (const Suggestion& s : d.suggestions) EXPECT_NE(s.text, "as soon as possible");
  }
}

TEST_F(ShippedGuideRewrites, AnAbbreviationInCapitalsIsExpandedInSentenceCase) {
  const auto found = findings("FYI, the invoice is attached.", "casual-en");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].suggestions.size(), 1u);
  EXPECT_EQ(found[0].suggestions[0].text, "For your information");
}

TEST_F(ShippedGuideRewrites, AParticipleUsedAsAnAdjectiveIsNotSwapped) {
  // "the used data" would mean second-hand data; the verb keeps its rewrite.
  const auto adjective = findings("Only the utilized storage is billed.", "plain-words");
  ASSERT_EQ(adjective.size(), 1u);
  EXPECT_TRUE(adjective[0].suggestions.empty());
  const auto verb = findings("We utilized the spare storage last month.", "plain-words");
  ASSERT_EQ(verb.size(), 1u);
  ASSERT_EQ(verb[0].suggestions.size(), 1u);
  EXPECT_EQ(verb[0].suggestions[0].text, "used");
}

TEST_F(ShippedGuideRewrites, MeasuredAndLegalTermsAreNotSwapped) {
  EXPECT_TRUE(findings("Disk utilization stays under 40 percent.", "plain-words").empty());
  EXPECT_TRUE(findings("Older accounts are grandfathered into the old price.", "inclusive-tech").empty());
}

TEST_F(ShippedGuideRewrites, TheMasterBranchIsReportedButItsRenameIsNeverSafe) {
  const auto found = findings("Merge the fix into the master branch.", "inclusive-tech");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].suggestions.size(), 1u);
  EXPECT_FALSE(found[0].suggestions[0].safe);
  // Where the document writes the branch as code, the prose names it: no rewrite at all.
  const auto named = findings("Merge into the master branch, then run `git push origin master`.", "inclusive-tech", "t.md");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_TRUE(named[0].suggestions.empty());
}

TEST_F(ShippedGuideRewrites, PlanCodesAndAcronymsKeepTheirCase) {
  const std::string en = "Pick FREE or LITE. FREE keeps one project; LITE keeps five.";
  EXPECT_TRUE(findings(en, "caps-emphasis").empty());
  const std::string ja = "FREEプランではCRUD操作とARIA属性の設定ができます。";
  EXPECT_TRUE(findings(ja, "caps-emphasis").empty());
}

TEST_F(ShippedGuideRewrites, AProductNameKeepsItsCapitalsWithoutTheBrandDictionary) {
  // The test model loads no user dictionary, as a copied binary would run.
  EXPECT_TRUE(findings("Try EASY Backup on your laptop.", "caps-emphasis").empty());
}

TEST(ArticleForTest, FollowsTheSoundNotTheLetter) {
  EXPECT_EQ(article_for("allowlist"), "an");
  EXPECT_EQ(article_for("blocklist"), "a");
  EXPECT_EQ(article_for("use"), "a");
  EXPECT_EQ(article_for("unit"), "a");
  EXPECT_EQ(article_for("umbrella"), "an");
  EXPECT_EQ(article_for("hour"), "an");
  EXPECT_EQ(article_for("one-time"), "a");
  EXPECT_EQ(article_for("FAQ"), "an");
  EXPECT_EQ(article_for("URL"), "a");
}

}  // namespace
}  // namespace tonelint
