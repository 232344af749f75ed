// The occurrence rule kind, proved on the drafts of tests/fixtures/rules/occurrence.yaml, whose
// inline ⟦span⟧{rule} marks say what must be reported and nothing else may be; and what a
// fixture cannot show: which finding lists which places, what they say, and the score.
#include "rules/rule_tester.h"

#include <string>

namespace tonelint {
namespace {

TEST(OccurrenceRuleTest, Fixtures) { testing::run_rule_fixture("occurrence.yaml"); }

constexpr const char* kGuide = R"(guide: t
rules:
  - id: bang
    kind: occurrence
    level: warning
    message: "{count} '!' here, {max} at most."
    regex: ["[!！]"]
    max: 1
  - id: per-paragraph
    kind: occurrence
    scope: paragraph
    level: suggestion
    message: "{count} 'sorry' in this paragraph."
    words: [sorry]
    max: 1
)";

class OccurrenceFindings : public ::testing::Test {
 protected:
  void SetUp() override {
    GuideLoad load = load_guide_text(kGuide, "t.yaml");
    ASSERT_TRUE(load.ok()) << load.errors.front().to_string();
    static std::shared_ptr<MecabModel> model = *MecabModel::load();
    auto session = LintSession::create(load.guide, model);
    ASSERT_TRUE(session.ok()) << session.status().to_string();
    session_ = std::move(*session);
  }

  LintResult lint(const std::string& text) {
    auto source = load_source_bytes(text, "draft.txt");
    EXPECT_TRUE(source.ok()) << source.status().to_string();
    if (!source.ok()) return {};
    sources_.push_back(std::move(*source));
    auto report = session_->lint(*sources_.back(), extractor_for_path("draft.txt"), Context{});
    EXPECT_TRUE(report.ok()) << report.status().to_string();
    return report.ok() ? std::move(report->result) : LintResult{};
  }

  std::unique_ptr<LintSession> session_;
  std::vector<std::unique_ptr<SourceText>> sources_;
};

TEST_F(OccurrenceFindings, RelatedPlacesSayWhichOccurrenceOfHowManyTheyAre) {
  const LintResult r = lint("Ok! Noted！ Bye!");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.offset, 9u);  // the full-width ！, the second mark
  EXPECT_EQ(d.length, 3u);
  EXPECT_EQ(d.message, "3 '!' here, 1 at most.");
  ASSERT_EQ(d.related.size(), 2u);
  EXPECT_EQ(d.related[0].offset, 2u);
  EXPECT_EQ(d.related[0].length, 1u);
  EXPECT_EQ(d.related[0].message, "'!' 1/3");
  EXPECT_EQ(d.related[1].offset, 16u);
  EXPECT_EQ(d.related[1].message, "'!' 3/3");
}

TEST_F(OccurrenceFindings, AMessageOverItsBoundCostsTheScoreOfOneFinding) {
  // Same words; two, three or six marks are the same one problem.
  const LintResult two = lint("We are live! See you soon!");
  const LintResult six = lint("We are live!!! See you soon!!!");
  ASSERT_EQ(two.diagnostics.size(), 1u);
  ASSERT_EQ(six.diagnostics.size(), 1u);
  EXPECT_EQ(two.penalty, penalty_of(two.diagnostics[0]));
  EXPECT_EQ(six.score, two.score);
  EXPECT_LT(two.score, 100);
}

TEST_F(OccurrenceFindings, EachParagraphOverItsBoundIsOneFindingListingItsOwnPlaces) {
  const LintResult r = lint("Sorry, so sorry.\n\nSorry again. Sorry.\n\nSorry once.");
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].offset, 10u);
  ASSERT_EQ(r.diagnostics[0].related.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].related[0].offset, 0u);
  EXPECT_EQ(r.diagnostics[1].offset, 31u);
  ASSERT_EQ(r.diagnostics[1].related.size(), 1u);
  EXPECT_EQ(r.diagnostics[1].related[0].offset, 18u);
}

TEST_F(OccurrenceFindings, AFloodOfMarksIsOneSmallFinding) {
  const LintResult r = lint("Wow" + std::string(50000, '!'));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "50000 '!' here, 1 at most.");
  EXPECT_EQ(r.diagnostics[0].related.size(), kMaxRelatedSpans);
  EXPECT_EQ(r.diagnostics[0].related.back().message, "'!' " + std::to_string(kMaxRelatedSpans + 1) + "/50000");
}

}  // namespace
}  // namespace tonelint
