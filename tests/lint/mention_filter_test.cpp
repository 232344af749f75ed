// The linter and mentions: a rule skips words the writer mentions (quoted, listed as words
// to avoid) unless it says `mentions: check`; then it keeps its finding there, but never a
// rewrite of the quoted words.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lint/session.h"
#include "load/guide_loader.h"
#include "test_support.h"

namespace tonelint {
namespace {

constexpr const char* kGuide = R"(guide: g
contexts: {channel: [chat]}
rules:
  - {id: guys, kind: existence, message: m, words: [guys]}
  - {id: guys-anywhere, kind: existence, message: m, words: [guys], mentions: check}
  - {id: bang, kind: occurrence, message: m, regex: ["[!！]"], max: 0}
  - {id: utilize, kind: substitution, message: m, swap: {utilize: use}}
  - {id: utilize-anywhere, kind: substitution, message: m, swap: {utilize: use}, mentions: check}
  - {id: length, kind: metric, metric: sentence_length, max: 3, message: m}
)";

std::vector<Diagnostic> lint(const std::string& text, const std::string& name = "draft.txt") {
  GuideLoad load = load_guide_text(kGuide, "g.yaml");
  EXPECT_TRUE(load.ok()) << (load.errors.empty() ? "" : load.errors.front().to_string());
  if (!load.ok()) return {};
  auto session = LintSession::create(load.guide, testing::shared_model());
  EXPECT_TRUE(session.ok());
  auto source = testing::source_of(text, name);
  auto report = (*session)->lint(*source, extractor_for_path(name), Context{});
  EXPECT_TRUE(report.ok());
  return report.ok() ? report->result.diagnostics : std::vector<Diagnostic>{};
}

// The matched text of each finding of `rule`.
std::vector<std::string> found(const std::vector<Diagnostic>& diagnostics, const std::string& rule) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    if (d.rule == "g." + rule) out.push_back(d.match);
  }
  return out;
}

TEST(MentionFilterTest, AQuotedWordIsNotFlaggedButTheSameWordInUseIs) {
  const std::string text = "Avoid \"guys\" in greetings. Thanks, guys.";
  const auto diagnostics = lint(text);
  const auto guys = found(diagnostics, "guys");
  ASSERT_EQ(guys.size(), 1u);
  for (const Diagnostic& d : diagnostics) {
    if (d.rule == "g.guys") {
      EXPECT_EQ(d.offset, text.rfind("guys"));
    }
  }
  EXPECT_EQ(found(diagnostics, "guys-anywhere").size(), 2u);  // `mentions: check` sees both
}

TEST(MentionFilterTest, MarksInsideQuotesDoNotCountForAnOccurrenceRule) {
  EXPECT_TRUE(found(lint("「！」は使いません。"), "bang").empty());
  EXPECT_EQ(found(lint("「！」は使いません！"), "bang").size(), 1u);
}

TEST(MentionFilterTest, ACheckingRuleKeepsItsFindingButLosesTheRewriteInsideTheQuote) {
  const auto diagnostics = lint("Write use instead of \"utilize\". We utilize it.");
  ASSERT_EQ(found(diagnostics, "utilize").size(), 1u);
  ASSERT_EQ(found(diagnostics, "utilize-anywhere").size(), 2u);
  for (const Diagnostic& d : diagnostics) {
    if (d.rule != "g.utilize-anywhere") continue;
    const bool quoted = d.offset < 30;
    EXPECT_EQ(d.suggestions.empty(), quoted) << d.offset;
  }
}

TEST(MentionFilterTest, FindingsNotMadeOfMatchesAreSiftedByTheirSpan) {
  // A list item of words to avoid is a mention as a whole: its length is not the writer's.
  const std::string md = "## Words to avoid\n\n- one two three four five\n\nOne two three four five.\n";
  const auto diagnostics = lint(md, "guide.md");
  ASSERT_EQ(found(diagnostics, "length").size(), 1u);
  for (const Diagnostic& d : diagnostics) {
    if (d.rule == "g.length") {
      EXPECT_EQ(d.offset, md.find("One"));
    }
  }
}

TEST(MentionFilterTest, NgWordConstructionsHideTheirItemsFromRules) {
  EXPECT_TRUE(found(lint("Avoid words like guys when you greet people."), "guys").empty());
  EXPECT_EQ(found(lint("Hi guys, I'd like to help."), "guys").size(), 1u);
}

}  // namespace
}  // namespace tonelint
