#include "config/repo_config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "load/guide_loader.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

Result<RepoConfig> parse(const std::string& yaml) { return RepoConfig::parse(yaml, "/repo/.tonelint.yaml"); }

void expect_error(const std::string& yaml, std::uint32_t line, std::uint32_t column, const std::string& words) {
  auto config = parse(yaml);
  ASSERT_FALSE(config.ok()) << yaml;
  EXPECT_EQ(config.status().location().path, "/repo/.tonelint.yaml");
  EXPECT_EQ(config.status().location().line, line) << config.status().to_string();
  EXPECT_EQ(config.status().location().column, column) << config.status().to_string();
  EXPECT_NE(config.status().message().find(words), std::string::npos) << config.status().to_string();
}

TEST(RepoConfigTest, ReadsEverySetting) {
  auto config = parse(R"(guide: rules/acme.yaml
include: ["**/*.md", "macros/**"]
exclude: node_modules
gitignore: false
min_level: warning
fail_on: suggestion
contexts:
  - paths: ["support/**"]
    channel: chat
    audience: customer
  - paths: support/incidents/
    situation: outage
    channel: sms
)");
  ASSERT_TRUE(config.ok()) << config.status().to_string();
  EXPECT_EQ(config->guide(), "/repo/rules/acme.yaml");  // relative to the config's folder
  EXPECT_EQ(config->root(), fs::path("/repo"));
  EXPECT_FALSE(config->gitignore());
  EXPECT_EQ(config->min_level(), Level::kWarning);
  EXPECT_EQ(config->fail_on(), Level::kSuggestion);

  EXPECT_TRUE(config->takes("docs/a.md"));
  EXPECT_TRUE(config->takes("macros/reply.txt"));
  EXPECT_FALSE(config->takes("docs/a.txt"));            // not included
  EXPECT_FALSE(config->takes("web/node_modules/x.md"));  // excluded, at any depth
  EXPECT_TRUE(config->excludes("node_modules"));

  // Later entries win, dimension by dimension; each value names the pattern that set it.
  const ConfigContext incident = config->context_for("support/incidents/2026-11.md");
  EXPECT_EQ(incident.context[Dimension::kChannel], "sms");
  EXPECT_EQ(incident.context[Dimension::kAudience], "customer");
  EXPECT_EQ(incident.context[Dimension::kSituation], "outage");
  EXPECT_EQ(incident.context[Dimension::kEmotion], "");
  EXPECT_EQ(incident.matched[static_cast<std::size_t>(Dimension::kChannel)], "support/incidents/");
  EXPECT_EQ(incident.matched[static_cast<std::size_t>(Dimension::kAudience)], "support/**");
  EXPECT_EQ(config->context_for("blog/a.md").context[Dimension::kChannel], "");
  EXPECT_EQ(config->relative("/repo/support/a.md"), "support/a.md");
  EXPECT_EQ(config->relative("/elsewhere/a.md"), std::nullopt);
}

TEST(RepoConfigTest, DefaultsWithoutSettings) {
  auto config = parse("");
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->guide(), "");
  EXPECT_TRUE(config->gitignore());
  EXPECT_FALSE(config->min_level().has_value());
  EXPECT_TRUE(config->takes("a.md"));
  EXPECT_TRUE(config->takes("notes/a.txt"));
  EXPECT_FALSE(config->takes("src/main.cpp"));
}

TEST(RepoConfigTest, ErrorsNameLineAndColumn) {
  expect_error("guide: [unclosed\n", 2, 1, "invalid YAML");
  expect_error("guid: x.yaml\n", 1, 1, "did you mean 'guide'");
  expect_error("min_level: loud\n", 1, 12, "error, warning or suggestion");
  expect_error("gitignore: maybe\n", 1, 12, "true or false");
  expect_error("include: {a: b}\n", 1, 10, "path pattern");
  expect_error("exclude: ['[abc']\n", 1, 11, "unclosed");
  expect_error("contexts:\n  - paths: a/**\n    chanel: chat\n", 3, 5, "did you mean 'channel'");
  expect_error("contexts:\n  - channel: chat\n", 2, 5, "needs 'paths'");
  expect_error("contexts:\n  - paths: a/**\n", 2, 5, "at least one of");
  expect_error("contexts: {paths: a}\n", 1, 11, "list of");
  // Columns count code points, not bytes.
  expect_error("exclude: [\"ガイド\", \"[abc\"]\n", 1, 18, "unclosed");  // byte column 24
  expect_error("- a\n", 1, 1, "mapping");
}

TEST(RepoConfigTest, ContextValuesAreCheckedAgainstTheGuide) {
  GuideLoad load = load_guide_file(std::string(TONELINT_TEST_DATA) + "/cli/guide.yaml");
  ASSERT_TRUE(load.ok());
  auto good = parse("contexts:\n  - paths: a/**\n    channel: chat\n");
  ASSERT_TRUE(good.ok());
  EXPECT_TRUE(good->check_against(*load.guide).ok());
  auto bad = parse("contexts:\n  - paths: a/**\n    channel: chatt\n");
  ASSERT_TRUE(bad.ok());
  const Status s = bad->check_against(*load.guide);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.location().line, 3u);
  EXPECT_EQ(s.location().column, 14u);
  EXPECT_NE(s.message().find("did you mean 'chat'"), std::string::npos) << s.message();
}

TEST(ConfigFinderTest, TheNearestConfigAboveAFileGoverns) {
  const fs::path root = fs::path(::testing::TempDir()) / "config_finder";
  fs::remove_all(root);
  fs::create_directories(root / "team" / "deep");
  fs::create_directories(root / "other");
  std::ofstream(root / ".tonelint.yaml") << "min_level: error\n";
  std::ofstream(root / "team" / ".tonelint.yaml") << "min_level: warning\n";
  ConfigFinder finder;
  auto top = finder.for_path(root / "other" / "a.md");
  ASSERT_TRUE(top.ok());
  ASSERT_TRUE(*top);
  EXPECT_EQ((*top)->min_level(), Level::kError);
  auto team = finder.for_path(root / "team" / "deep" / "b.md");
  ASSERT_TRUE(team.ok() && *team);
  EXPECT_EQ((*team)->min_level(), Level::kWarning);  // nearest wins; no merging
  EXPECT_EQ((*team)->root(), root / "team");
  // Each config is read once and shared.
  auto again = finder.for_path(root / "team" / "c.md");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->get(), team->get());
  // --config governs every file, wherever it is.
  ConfigFinder forced((root / "team" / ".tonelint.yaml").string());
  auto any = forced.for_path(root / "other" / "a.md");
  ASSERT_TRUE(any.ok() && *any);
  EXPECT_EQ((*any)->min_level(), Level::kWarning);
  // A broken config is an error for the files it governs, every time it is asked.
  std::ofstream(root / "other" / ".tonelint.yaml") << "fail_on: [\n";
  ConfigFinder fresh;
  EXPECT_FALSE(fresh.for_path(root / "other" / "a.md").ok());
  EXPECT_FALSE(fresh.for_path(root / "other" / "b.md").ok());
  EXPECT_TRUE(fresh.for_path(root / "team" / "b.md").ok());
}

}  // namespace
}  // namespace tonelint
