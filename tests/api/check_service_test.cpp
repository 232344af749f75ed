// What `tonelint check` takes from the public API beyond a plain check: the context flags
// checked against a guide, the findings past the per-file bound counted (and counted as
// failing), a fix that sees every rewrite whatever the bound, setup from find_drafts'
// settings, and the report's per-file entries, refused and skipped counts and summary.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/api_guides.h"
#include "tonelint/report.h"
#include "tonelint/workspace.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

fs::path temp_folder(const std::string& name) { return api_test::temp_folder("check_service", name); }
using api_test::write;

// Every "amazing" is an error with a safe rewrite; every "whatever" a suggestion.
constexpr const char* kGuide = R"(guide: bounds
languages: [en]
contexts:
  channel: [email, chat]
defaults: {channel: email}
rules:
  - id: hype
    kind: substitution
    lang: en
    level: error
    message: "Write '{to}'."
    swap: {amazing: good}
  - id: shrug
    kind: existence
    lang: en
    level: suggestion
    message: "No '{match}'."
    words: [whatever]
)";

struct Fixture {
  fs::path repo = temp_folder("repo");
  std::string guide = (repo / "guide.yaml").string();
  Workspace workspace{[this] {
    write(guide, kGuide);
    WorkspaceOptions options;
    options.root = repo.string();
    options.guide_override = guide;
    options.reread_configs = false;
    options.reload_changed_guides = false;
    return options;
  }()};
};

TEST(CheckService, ContextFlagsAreCheckedAgainstTheGuide) {
  Fixture f;
  const DocumentSetup setup = f.workspace.setup_for(std::nullopt);
  ASSERT_EQ(setup.failure, CheckFailure::kNone) << setup.error.to_string();
  EXPECT_TRUE(check_context(setup.guide->guide(), {{"channel", "chat"}}).ok());
  const Status unknown = check_context(setup.guide->guide(), {{"channel", "chatt"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.message(), "unknown channel 'chatt' (did you mean 'chat'?) for guide 'bounds'; allowed: email, chat");
}

TEST(CheckService, FindingsPastTheBoundAreCountedAndFail) {
  Fixture f;
  const DocumentSetup setup = f.workspace.setup_for(std::nullopt);
  ASSERT_EQ(setup.failure, CheckFailure::kNone) << setup.error.to_string();
  const std::string text = "An amazing day. An amazing fix. Whatever. An amazing team.\n";
  CheckRequest request;
  request.options.filename = "note.txt";
  request.keep_at_most = 1;
  const DocumentCheck checked = f.workspace.check(setup, text, request);
  ASSERT_EQ(checked.failure, CheckFailure::kNone) << checked.error.to_string();
  ASSERT_EQ(checked.result.findings.size(), 1u);
  EXPECT_EQ(checked.result.dropped.total(), 3u);
  EXPECT_EQ(checked.result.dropped.errors, 2u);
  EXPECT_EQ(checked.result.dropped.suggestions, 1u);
  EXPECT_EQ(checked.failing, 3u);  // the three errors, two of them not kept
  EXPECT_TRUE(checked.result.warnings.empty());

  // A fix needs every rewrite, whatever the bound; its last report keeps the bound.
  const DocumentCheck fixed = f.workspace.fix(setup, text, request, FixMode::kSafe);
  ASSERT_EQ(fixed.failure, CheckFailure::kNone) << fixed.error.to_string();
  ASSERT_TRUE(fixed.fixed);
  EXPECT_EQ(fixed.fixed->edits.size(), 3u);
  EXPECT_EQ(fixed.fixed->text, "A good day. A good fix. Whatever. A good team.\n");  // a/an follows the rewrite
  EXPECT_EQ(fixed.result.findings.size(), 1u);
  EXPECT_EQ(fixed.failing, 0u);
}

TEST(CheckService, SetupFromFoundDraftsAndTheReportEntries) {
  Fixture f;
  write(f.repo / ".tonelint.yaml", "contexts:\n  - paths: [\"chat/**\"]\n    channel: chat\n");
  write(f.repo / "chat" / "a.txt", "An amazing day.\n");
  DraftRequest request;
  request.named = {(f.repo / "chat").string()};
  auto drafts = find_drafts(request, f.guide);
  ASSERT_TRUE(drafts.ok()) << drafts.status().to_string();
  ASSERT_EQ(drafts->files.size(), 1u);
  const PlannedFile& file = drafts->files[0];
  const DocumentSetup setup = f.workspace.setup_with(file.settings);
  ASSERT_EQ(setup.failure, CheckFailure::kNone) << setup.error.to_string();
  CheckRequest check;
  check.options.filename = file.path;
  const DocumentCheck checked = f.workspace.check(setup, "An amazing day.\n", check);
  ASSERT_EQ(checked.failure, CheckFailure::kNone) << checked.error.to_string();

  std::ostringstream json;
  auto writer = ReportWriter::create("json", json);
  ASSERT_TRUE(writer.ok());
  ReportEntry entry;
  entry.guide = setup.guide->checker->guide_ptr();
  entry.fail_on = Severity::kWarning;
  entry.config_path = file.settings.config->path();
  entry.configured = file.settings.configured;
  ASSERT_TRUE(writer->add(checked.result, entry).ok());
  writer->add_refused();
  writer->add_skipped();
  ReportEntry counted_only;
  counted_only.write = false;
  ASSERT_TRUE(writer->add(checked.result, counted_only).ok());
  const ReportSummary summary = writer->summary();
  EXPECT_EQ(summary.files, 2u);
  EXPECT_EQ(summary.refused, 1u);
  EXPECT_EQ(summary.skipped, 1u);
  EXPECT_EQ(summary.errors, 2u);
  ASSERT_TRUE(writer->finish().ok());
  const std::string out = json.str();
  EXPECT_NE(out.find("\"config\""), std::string::npos) << out;
  EXPECT_NE(out.find("chat/**"), std::string::npos) << out;
  EXPECT_EQ(out.find("a.txt"), out.rfind("a.txt")) << "the counted-only entry is not written: " << out;
  EXPECT_NE(out.find("\"refused\":1"), std::string::npos) << out;
}

}  // namespace
}  // namespace tonelint
