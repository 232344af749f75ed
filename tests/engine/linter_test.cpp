#include "engine/linter.h"

#include <gtest/gtest.h>

#include <chrono>

#include "engine/session.h"
#include "guide/guide_loader.h"
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
