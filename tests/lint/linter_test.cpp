#include "lint/linter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "lint/session.h"
#include "load/guide_loader.h"
#include "test_support.h"

namespace tonelint {
namespace {

std::shared_ptr<const Guide> guide_of(const std::string& yaml) {
  GuideLoad load = load_guide_text(yaml, "g.yaml");
  EXPECT_TRUE(load.ok()) << (load.errors.empty() ? "" : load.errors.front().to_string());
  return load.guide;
}

TEST(LinterTest, CatastrophicRegexIsStoppedNotHung) {
  auto guide = guide_of(R"(guide: g
contexts: {channel: [chat]}
rules:
  - {id: slow, kind: existence, message: m, regex: ["(a+)+$"]}
)");
  ASSERT_TRUE(guide);
  auto session = LintSession::create(guide, testing::shared_model());
  ASSERT_TRUE(session.ok());
  auto source = testing::source_of(std::string(40, 'a') + "b");
  const auto start = std::chrono::steady_clock::now();
  auto report = (*session)->lint(*source, extractor_for_path("x.txt"), Context{});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->result.diagnostics.empty());
  ASSERT_EQ(report->result.warnings.size(), 1u);
  EXPECT_NE(report->result.warnings[0].message().find("regex 1 of rule g.slow hit its time limit"), std::string::npos)
      << report->result.warnings[0].message();
  EXPECT_LT(seconds, 30.0);  // (a+)+$ on 40 a's would run for ages without the limit
}

// Two rules that interleave through the draft, and findings of every level: a lint that
// keeps at most K findings keeps exactly the first K of the full lint, in the same order,
// counts the others by level, and scores the draft as the full lint does.
TEST(LinterTest, KeepingAtMostKFindingsKeepsTheFirstKAndScoresThemAll) {
  auto guide = guide_of(R"(guide: g
contexts: {channel: [chat]}
rules:
  - {id: bang, kind: occurrence, level: error, message: m, regex: ["!"], max: 0, scope: sentence}
  - {id: very, kind: existence, level: suggestion, message: m, words: [very]}
  - {id: hedge, kind: existence, level: warning, message: m, words: [maybe]}
)");
  ASSERT_TRUE(guide);
  auto session = LintSession::create(guide, testing::shared_model());
  ASSERT_TRUE(session.ok());
  std::string text;
  for (int i = 0; i < 40; ++i) text += i % 3 == 0 ? "Maybe it is very good! " : "It is very nice! ";
  auto source = testing::source_of(text);
  auto full = (*session)->lint(*source, extractor_for_path("x.txt"), Context{});
  ASSERT_TRUE(full.ok());
  const std::vector<Diagnostic>& all = full->result.diagnostics;
  ASSERT_GT(all.size(), 90u);
  EXPECT_EQ(full->result.dropped.total(), 0);
  for (std::size_t k : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{50}, all.size(), all.size() + 5}) {
    LintLimits limits;
    limits.keep_at_most = k;
    auto capped = (*session)->lint(*source, extractor_for_path("x.txt"), Context{}, {}, limits);
    ASSERT_TRUE(capped.ok());
    const std::vector<Diagnostic>& kept = capped->result.diagnostics;
    ASSERT_EQ(kept.size(), std::min(k, all.size())) << k;
    LevelCounts expected_dropped;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (i < kept.size()) {
        EXPECT_EQ(kept[i].rule, all[i].rule) << k << " #" << i;
        EXPECT_EQ(kept[i].offset, all[i].offset) << k << " #" << i;
      } else {
        expected_dropped.add(all[i].level);
      }
    }
    EXPECT_EQ(capped->result.dropped.errors, expected_dropped.errors) << k;
    EXPECT_EQ(capped->result.dropped.warnings, expected_dropped.warnings) << k;
    EXPECT_EQ(capped->result.dropped.suggestions, expected_dropped.suggestions) << k;
    EXPECT_EQ(capped->result.score, full->result.score) << k;
    EXPECT_EQ(capped->result.category_scores, full->result.category_scores) << k;
  }
  // Below min_level: scored, neither kept nor counted.
  LintLimits warnings_up;
  warnings_up.min_level = Level::kWarning;
  warnings_up.keep_at_most = 10;
  auto serious = (*session)->lint(*source, extractor_for_path("x.txt"), Context{}, {}, warnings_up);
  ASSERT_TRUE(serious.ok());
  for (const Diagnostic& d : serious->result.diagnostics) EXPECT_NE(d.level, Level::kSuggestion);
  EXPECT_EQ(serious->result.dropped.suggestions, 0);
  EXPECT_EQ(serious->result.diagnostics.size() + static_cast<std::size_t>(serious->result.dropped.total()),
            static_cast<std::size_t>(std::count_if(all.begin(), all.end(),
                                                   [](const Diagnostic& d) { return d.level != Level::kSuggestion; })));
  EXPECT_EQ(serious->result.score, full->result.score);
}

TEST(LinterTest, FrontMatterSetsTheContextAndFlagsWin) {
  auto guide = guide_of(R"(guide: g
contexts: {channel: [email, chat], emotion: [neutral, upset]}
defaults: {channel: email, emotion: neutral}
rules:
  - {id: bang, kind: occurrence, message: m, regex: ["!"], max: 1}
tones:
  - when: {emotion: upset}
    set: {bang: {max: 0, level: error}}
)");
  auto session = LintSession::create(guide, testing::shared_model());
  ASSERT_TRUE(session.ok());
  auto source = testing::source_of("---\ntone:\n  emotion: upset\n---\nWe fixed it!\n", "x.md");
  auto report = (*session)->lint(*source, extractor_for_path("x.md"), Context{});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->context[Dimension::kEmotion], "upset");
  EXPECT_EQ(report->context_sources[static_cast<std::size_t>(Dimension::kEmotion)], ContextSource::kFrontMatter);
  EXPECT_EQ(report->context_sources[static_cast<std::size_t>(Dimension::kChannel)], ContextSource::kDefault);
  ASSERT_EQ(report->result.diagnostics.size(), 1u);
  EXPECT_EQ(report->result.diagnostics[0].level, Level::kError);
  EXPECT_EQ(report->result.diagnostics[0].origin, "tones[0]");
  EXPECT_LT(report->result.score, 100);

  Context flags;
  flags[Dimension::kEmotion] = "neutral";
  auto flagged = (*session)->lint(*source, extractor_for_path("x.md"), flags);
  ASSERT_TRUE(flagged.ok());
  EXPECT_TRUE(flagged->result.diagnostics.empty());
  EXPECT_EQ(flagged->result.score, 100);
}

TEST(LinterTest, UnknownContextInFrontMatterNamesWhere) {
  auto guide = guide_of("guide: g\ncontexts: {emotion: [neutral, upset]}\n");
  auto session = LintSession::create(guide, testing::shared_model());
  ASSERT_TRUE(session.ok());
  auto source = testing::source_of("---\ntitle: x\ntone: {emotion: upsett}\n---\nHi.\n", "x.md");
  auto report = (*session)->lint(*source, extractor_for_path("x.md"), Context{});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().location().line, 3u);
  EXPECT_NE(report.status().message().find("did you mean 'upset'"), std::string::npos);
}

}  // namespace
}  // namespace tonelint
