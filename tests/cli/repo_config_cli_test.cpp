// The repository config end to end: which files a run takes, which context each gets and
// from where (CLI > front matter > config globs > guide defaults), levels, and errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;
using testing::run_tonelint;

const std::string kGuide = std::string(TONELINT_TEST_DATA) + "/cli/guide.yaml";

// A content repository: a .git folder, a .gitignore, a config and drafts in folders.
class RepoConfigCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) /
            ("repo_config_cli_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_ / ".git");
  }
  void write(const std::string& relative, const std::string& content) {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative, std::ios::binary) << content;
  }
  std::string path(const std::string& relative) const { return (root_ / relative).string(); }
  // `tonelint check` in the repository; the JSON report.
  nlohmann::json check_json(const std::string& args, int expected_exit = -1) {
    auto r = run_tonelint("check --format json " + args);
    if (expected_exit >= 0) EXPECT_EQ(r.exit_code, expected_exit) << r.err;
    last_err_ = r.err;
    return r.out.empty() ? nlohmann::json() : nlohmann::json::parse(r.out);
  }
  static const nlohmann::json* file(const nlohmann::json& report, const std::string& suffix) {
    for (const auto& f : report["files"]) {
      const std::string p = f["path"];
      if (p.size() >= suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0) return &f;
    }
    return nullptr;
  }

  fs::path root_;
  std::string last_err_;
};

TEST_F(RepoConfigCliTest, ContextPrecedenceFlagsFrontMatterConfigDefaults) {
  write(".tonelint.yaml", "guide: " + kGuide + R"(
contexts:
  - paths: ["support/**"]
    channel: chat
  - paths: support/angry/
    emotion: upset
)");
  const std::string bangs = "Done! Really!\n";
  write("support/angry/config.md", bangs);
  write("support/angry/front.md", "---\ntone: {emotion: neutral}\n---\n" + bangs);
  write("blog/default.md", bangs);

  const auto report = check_json(root_.string(), 1);
  const auto* config = file(report, "support/angry/config.md");
  const auto* front = file(report, "support/angry/front.md");
  const auto* fallback = file(report, "blog/default.md");
  ASSERT_TRUE(config && front && fallback) << report.dump();
  // Config globs: channel from the first entry, emotion from the later, more specific one.
  EXPECT_EQ((*config)["context"]["channel"], "chat");
  EXPECT_EQ((*config)["context"]["emotion"], "upset");
  EXPECT_EQ((*config)["context_source"]["channel"], "config");
  EXPECT_EQ((*config)["context_source"]["emotion"], "config");
  EXPECT_EQ((*config)["config"]["patterns"]["channel"], "support/**");
  EXPECT_EQ((*config)["config"]["patterns"]["emotion"], "support/angry/");
  EXPECT_EQ((*config)["config"]["path"], path(".tonelint.yaml"));
  EXPECT_EQ((*config)["diagnostics"][0]["level"], "error");  // upset: no '!' at all
  // Front matter beats the config; the config still gives what front matter does not set.
  EXPECT_EQ((*front)["context"]["emotion"], "neutral");
  EXPECT_EQ((*front)["context_source"]["emotion"], "front matter");
  EXPECT_EQ((*front)["context_source"]["channel"], "config");
  EXPECT_EQ((*front)["diagnostics"][0]["level"], "warning");
  // No glob matches: the guide's defaults.
  EXPECT_EQ((*fallback)["context"]["channel"], "email");
  EXPECT_EQ((*fallback)["context_source"]["channel"], "guide default");
  EXPECT_FALSE((*fallback)["config"].contains("patterns"));

  // stdin is placed by --stdin-filename, as an editor passes the buffer's path.
  auto piped = run_tonelint("check --format json --stdin-filename " + path("support/angry/unsaved.md") + " -", bangs);
  EXPECT_EQ(piped.exit_code, 1) << piped.err;
  EXPECT_EQ(nlohmann::json::parse(piped.out)["files"][0]["context_source"]["emotion"], "config");

  // Flags beat everything.
  const auto flagged = check_json("--emotion neutral --channel email " + path("support/angry/config.md"), 0);
  EXPECT_EQ(flagged["files"][0]["context"]["emotion"], "neutral");
  EXPECT_EQ(flagged["files"][0]["context_source"]["emotion"], "flag");
  EXPECT_EQ(flagged["files"][0]["context_source"]["channel"], "flag");
}

TEST_F(RepoConfigCliTest, WalkHonoursIncludeExcludeAndGitignore) {
  write(".gitignore", "build/\n*.draft.md\n!keep.draft.md\n");
  write(".tonelint.yaml", "guide: " + kGuide + "\nexclude: [vendor, CHANGELOG.md]\n");
  for (const char* f : {"docs/a.md", "docs/b.txt", "docs/keep.draft.md", "docs/wip.draft.md", "build/out.md",
                        "vendor/pkg/README.md", "CHANGELOG.md", "src/main.cpp", ".hidden/x.md"}) {
    write(f, "Please utilize it.\n");
  }
  const auto report = check_json(root_.string(), 0);  // warnings only
  std::vector<std::string> checked;
  for (const auto& f : report["files"]) checked.push_back(fs::path(std::string(f["path"])).lexically_relative(root_).string());
  EXPECT_EQ(checked, (std::vector<std::string>{"docs/a.md", "docs/b.txt", "docs/keep.draft.md"}));

  // `gitignore: false` walks what git ignores; `include` replaces the default extensions.
  write(".tonelint.yaml", "guide: " + kGuide + "\ngitignore: false\ninclude: ['**/*.md']\nexclude: vendor\n");
  const auto all = check_json(root_.string(), 0);
  EXPECT_EQ(all["summary"]["files"], 5) << all.dump();  // a.md keep wip out.md CHANGELOG.md; not b.txt

  // A file named on the command line is checked even if not included, but not if excluded.
  EXPECT_EQ(check_json(path("docs/b.txt"), 0)["summary"]["files"], 1);
  EXPECT_EQ(check_json(path("vendor/pkg/README.md"), 0)["summary"]["files"], 0);
  EXPECT_NE(last_err_.find("excluded by"), std::string::npos) << last_err_;
}

TEST_F(RepoConfigCliTest, FilesFromTakesOnlyDrafts) {
  write(".tonelint.yaml", "guide: " + kGuide + "\ninclude: 'docs/**/*.md'\n");
  write("docs/a.md", "Please utilize it.\n");
  write("docs/b.txt", "Please utilize it.\n");
  write("src/main.cpp", "int main() {} // utilize\n");
  write("changed.txt", path("docs/a.md") + "\n" + path("docs/b.txt") + "\n" + path("src/main.cpp") + "\n" +
                           path("docs/deleted.md") + "\n" + path("docs/a.md") + "\n");
  const auto report = check_json("--files-from " + path("changed.txt"), 0);
  ASSERT_EQ(report["files"].size(), 1u) << report.dump();  // listed twice, checked once
  EXPECT_EQ(report["files"][0]["path"], path("docs/a.md"));
  EXPECT_NE(last_err_.find("deleted.md: listed but not found"), std::string::npos) << last_err_;
}

TEST_F(RepoConfigCliTest, LevelsFromConfigAndFlags) {
  write("guide.yaml", R"(guide: levels
rules:
  - id: bang
    kind: occurrence
    message: "At most {max} '!'."
    regex: ["!"]
    max: 1
    level: warning
    examples: {bad: ["Done! Really!"], good: ["Done!"]}
  - id: plain
    kind: substitution
    level: suggestion
    message: "Write '{to}'."
    swap: {utilize: use}
    examples: {bad: ["Utilize it."], good: ["Use it."]}
)");
  write("a.md", "Done! Really! Please utilize it.\n");  // a warning (bang) and a suggestion (plain)
  write(".tonelint.yaml", "guide: guide.yaml\nmin_level: warning\nfail_on: warning\n");
  const auto report = check_json(path("a.md"), 1);
  ASSERT_EQ(report["files"][0]["diagnostics"].size(), 1u);
  EXPECT_EQ(report["files"][0]["diagnostics"][0]["rule"], "levels.bang");
  // Flags win over the config.
  const auto flagged = check_json("--min-level suggestion --fail-on error " + path("a.md"), 0);
  EXPECT_EQ(flagged["files"][0]["diagnostics"].size(), 2u);
  auto bad = run_tonelint("check --min-level loud " + path("a.md"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--min-level 'loud'"), std::string::npos) << bad.err;
  // --fix does not touch what min_level hides.
  write(".tonelint.yaml", "guide: guide.yaml\nmin_level: error\n");
  auto fixed = run_tonelint("check --fix " + path("a.md"));
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  std::ifstream in(root_ / "a.md");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "Done! Really! Please utilize it.\n");
}

TEST_F(RepoConfigCliTest, NearestConfigAndItsGuideGovernEachFile) {
  write(".tonelint.yaml", "guide: " + kGuide + "\n");
  write("team/.tonelint.yaml", "min_level: error\n");  // no guide: the shipped one
  write("a.md", "Please utilize it.\n");
  write("team/b.md", "Please utilize it.\n");
  const auto report = check_json(root_.string());
  const auto* a = file(report, "/a.md");
  const auto* b = file(report, "team/b.md");
  ASSERT_TRUE(a && b) << report.dump();
  EXPECT_EQ((*a)["diagnostics"][0]["rule"], "cli.plain");
  EXPECT_EQ((*b)["diagnostics"].size(), 0u);  // the shipped guide's plain-words is a suggestion; min_level error
  EXPECT_EQ((*b)["config"]["path"], path("team/.tonelint.yaml"));
}

TEST_F(RepoConfigCliTest, BadConfigStopsTheRunNamingTheSpot) {
  write("a.md", "Hello.\n");
  write(".tonelint.yaml", "guide: " + kGuide + "\ncontexts:\n  - paths: a.md\n    emotion: furious\n");
  auto unknown = run_tonelint("check " + path("a.md"));
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find(path(".tonelint.yaml") + ":4:14: unknown emotion 'furious'"), std::string::npos)
      << unknown.err;
  write(".tonelint.yaml", "guide: " + kGuide + "\nfail_on: [\n");
  auto broken = run_tonelint("check " + root_.string());
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find(path(".tonelint.yaml") + ":3:"), std::string::npos) << broken.err;
  write(".tonelint.yaml", "guide: no-such-guide.yaml\n");
  auto missing = run_tonelint("check " + path("a.md"));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no-such-guide.yaml"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace tonelint
