// The public workspace API (tonelint/workspace.h, guide_library.h, context.h): which config
// and guide govern a path, the context with its sources, level filtering, the fix loop,
// guides reloaded when edited, and no exception across the API.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <new>
#include <stdexcept>

#include "api/api_guard.h"
#include "api/api_guides.h"
#include "test_support.h"
#include "tonelint/context.h"
#include "tonelint/guide_library.h"
#include "tonelint/rule_info.h"
#include "tonelint/workspace.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

using api_test::dictionaries;
using api_test::kShippedGuide;
using api_test::write;

fs::path temp_folder(const std::string& name) { return api_test::temp_folder("workspace", name); }

WorkspaceOptions options_for(const fs::path& root) {
  WorkspaceOptions options;
  options.root = root.string();
  options.dictionaries = dictionaries();
  options.shipped_guide = [] { return kShippedGuide; };
  return options;
}

const ContextValue& value_of(const std::vector<ContextValue>& context, const std::string& dimension) {
  for (const ContextValue& v : context) {
    if (v.dimension == dimension) return v;
  }
  static const ContextValue kNone;
  ADD_FAILURE() << "no dimension " << dimension;
  return kNone;
}

TEST(ResolveContext, FlagsThenFrontMatterThenConfigThenDefaults) {
  ContextInputs inputs;
  inputs.dimensions = {{"channel", {"email", "chat"}, "email"},
                       {"situation", {"general", "outage"}, "general"},
                       {"audience", {"customer", "developer"}, "customer"},
                       {"emotion", {"neutral", "upset"}, "neutral"}};
  inputs.explicit_values = {{"channel", "chat"}};
  inputs.front_matter = {{"channel", "email"}, {"emotion", "upset"}};
  inputs.configured = {{"audience", "customer", "docs/**"}, {"audience", "developer", "docs/api/**"},
                       {"emotion", "neutral", "docs/**"}};
  inputs.config_path = "/repo/.tonelint.yaml";
  const std::vector<ContextValue> context = resolve_context(inputs);
  ASSERT_EQ(context.size(), 4u);
  EXPECT_EQ(context[0].value, "chat");
  EXPECT_EQ(context[0].source, "flag");
  EXPECT_EQ(context[1].value, "general");
  EXPECT_EQ(context[1].source, "guide default");
  EXPECT_EQ(context[2].value, "developer");  // the later entry wins
  EXPECT_EQ(context[2].source, "config /repo/.tonelint.yaml (docs/api/**)");
  EXPECT_EQ(context[3].value, "upset");
  EXPECT_EQ(context[3].source, "front matter");
}

TEST(ApiGuard, ExceptionsBecomeInternalErrors) {
  auto out_of_memory = guard_api<int>("testing", []() -> Result<int> { throw std::bad_alloc(); });
  ASSERT_FALSE(out_of_memory.ok());
  EXPECT_EQ(out_of_memory.status().code(), ErrorCode::kInternal);
  EXPECT_EQ(out_of_memory.status().message(), "out of memory while testing");
  // yaml-cpp's and nlohmann's exceptions are std::exceptions; so is filesystem_error.
  const Status parse = guard_status("reading", []() -> Status { throw std::runtime_error("yaml-cpp: bad node"); });
  EXPECT_EQ(parse.code(), ErrorCode::kInternal);
  EXPECT_EQ(parse.message(), "internal error while reading: yaml-cpp: bad node");
  const Status odd = guard_status("reading", []() -> Status { throw 42; });
  EXPECT_EQ(odd.code(), ErrorCode::kInternal);
  EXPECT_EQ(guard_api<int>("testing", [] { return Result<int>(7); }).value(), 7);
}

TEST(ApiGuard, AGuidePathThatIsAFolderIsAStatusNotAnException) {
  ToneGuide::Options options;
  options.guide_path = temp_folder("folder_guide").string();
  options.dictionaries = dictionaries();
  auto guide = ToneGuide::load(options);
  EXPECT_FALSE(guide.ok());
}

TEST(WorkspaceApi, ConfigContextsAndLevelsGovernAPath) {
  const fs::path repo = temp_folder("config");
  write(repo / ".tonelint.yaml", "guide: " + kShippedGuide +
                                     "\nmin_level: error\ncontexts:\n  - paths: [\"support/**\"]\n    channel: chat\n");
  const fs::path draft = repo / "support" / "reply.md";
  const Workspace workspace(options_for(repo));
  const DocumentSetup setup = workspace.setup_for(draft.string());
  ASSERT_EQ(setup.failure, CheckFailure::kNone) << setup.error.to_string();
  ASSERT_TRUE(setup.settings.config);
  EXPECT_EQ(setup.settings.guide_path, kShippedGuide);
  ASSERT_EQ(setup.settings.configured.size(), 1u);
  EXPECT_EQ(setup.settings.configured[0].pattern, "support/**");
  EXPECT_EQ(setup.settings.min_level, Severity::kError);

  const std::string text = "---\ntone:\n  emotion: upset\n---\nSorry, you forgot to click save!!! Just restart it.\n";
  CheckRequest request;
  request.options.filename = draft.string();
  request.options.context = {{"audience", "developer"}};
  const DocumentCheck checked = workspace.check(setup, text, request);
  ASSERT_EQ(checked.failure, CheckFailure::kNone) << checked.error.to_string();
  EXPECT_EQ(value_of(checked.context, "channel").value, "chat");
  EXPECT_EQ(value_of(checked.context, "channel").source, "config " + setup.settings.config->path() + " (support/**)");
  EXPECT_EQ(value_of(checked.context, "emotion").source, "front matter");
  EXPECT_EQ(value_of(checked.context, "audience").source, "flag");
  EXPECT_EQ(value_of(checked.context, "situation").source, "guide default");
  EXPECT_EQ(checked.min_level, Severity::kError);
  for (const Finding& f : checked.result.findings) EXPECT_EQ(f.level, Severity::kError) << f.rule;
  EXPECT_EQ(checked.failing, checked.result.findings.size());

  // The caller's level wins over the config's: everything is reported.
  request.min_level = Severity::kSuggestion;
  const DocumentCheck all = workspace.check(setup, text, request);
  ASSERT_EQ(all.failure, CheckFailure::kNone);
  EXPECT_GT(all.result.findings.size(), checked.result.findings.size());

  // A check that only reports may keep the first few; the rest are counted, not kept.
  request.keep_at_most = 1;
  const DocumentCheck first = workspace.check(setup, text, request);
  ASSERT_EQ(first.failure, CheckFailure::kNone);
  ASSERT_EQ(first.result.findings.size(), 1u);
  EXPECT_EQ(first.result.findings[0].offset, all.result.findings[0].offset);
}

TEST(WorkspaceApi, ExcludedPathsAndBrokenConfigs) {
  const fs::path repo = temp_folder("exclude");
  write(repo / ".tonelint.yaml", "exclude: [\"drafts/**\"]\n");
  const Workspace workspace(options_for(repo));
  const DocumentSetup excluded = workspace.setup_for((repo / "drafts" / "x.md").string());
  ASSERT_EQ(excluded.failure, CheckFailure::kNone) << excluded.error.to_string();
  EXPECT_TRUE(excluded.settings.excluded);
  EXPECT_EQ(excluded.settings.guide_path, kShippedGuide);  // no `guide:`: the shipped one

  // Read afresh (reread_configs): a broken config is an error naming its file and line.
  write(repo / ".tonelint.yaml", "exclude: [\n");
  const DocumentSetup broken = workspace.setup_for((repo / "drafts" / "x.md").string());
  EXPECT_EQ(broken.failure, CheckFailure::kSetup);
  EXPECT_NE(broken.error.to_string().find(".tonelint.yaml"), std::string::npos) << broken.error.to_string();
}

TEST(WorkspaceApi, TextProblemsSayWhichStep) {
  const fs::path repo = temp_folder("problems");
  const Workspace workspace(options_for(repo));
  const DocumentSetup setup = workspace.setup_for(std::nullopt);
  ASSERT_EQ(setup.failure, CheckFailure::kNone) << setup.error.to_string();
  CheckRequest request;
  request.options.filename = "note.md";
  EXPECT_EQ(workspace.check(setup, "bad \xff byte", request).failure, CheckFailure::kInput);
  const DocumentCheck front = workspace.check(setup, "---\ntone:\n  emotion: upsett\n---\nHi.\n", request);
  EXPECT_EQ(front.failure, CheckFailure::kText);
  EXPECT_EQ(front.error.location().line, 3u) << front.error.to_string();
}

TEST(WorkspaceApi, FixLoopAppliesSafeRewrites) {
  const fs::path repo = temp_folder("fix");
  const Workspace workspace(options_for(repo));
  const DocumentSetup setup = workspace.setup_for(std::nullopt);
  ASSERT_EQ(setup.failure, CheckFailure::kNone) << setup.error.to_string();
  const std::string text = "了解しました！承知しました。";
  const DocumentCheck checked = workspace.check(setup, text, {});
  ASSERT_EQ(checked.failure, CheckFailure::kNone) << checked.error.to_string();
  const std::vector<Rewrite> safe = select_rewrites(checked.result, FixMode::kSafe);
  const DocumentCheck fixed = workspace.fix(setup, text, {}, FixMode::kSafe);
  ASSERT_EQ(fixed.failure, CheckFailure::kNone) << fixed.error.to_string();
  ASSERT_TRUE(fixed.fixed);
  if (safe.empty()) {
    EXPECT_EQ(fixed.fixed->text, text);
  } else {
    EXPECT_NE(fixed.fixed->text, text);
    EXPECT_FALSE(fixed.fixed->edits.empty());
  }
  for (const Finding& f : checked.result.findings) {
    const auto rule = describe_rule(setup.guide->guide(), f.rule);
    ASSERT_TRUE(rule) << f.rule;
    EXPECT_EQ(rule->id, f.rule);
  }
}

TEST(WorkspaceApi, LevelsByNameAndTheShippedGuidesPhrases) {
  EXPECT_EQ(parse_severity("warning"), Severity::kWarning);
  EXPECT_FALSE(parse_severity("warn"));
  EXPECT_TRUE(at_or_above(Severity::kError, Severity::kWarning));
  EXPECT_FALSE(at_or_above(Severity::kSuggestion, Severity::kWarning));
  EXPECT_EQ(level_in_force(std::nullopt, Severity::kWarning, Severity::kError), Severity::kWarning);
  EXPECT_EQ(level_in_force(Severity::kSuggestion, Severity::kWarning, Severity::kError), Severity::kSuggestion);
  GuideLibrary library(dictionaries());
  const auto shipped = library.load(kShippedGuide, false);
  ASSERT_TRUE(shipped->ok()) << shipped->status.to_string();
  EXPECT_TRUE(check_guide_phrases(shipped->guide()).empty());
}

TEST(GuideLibraryApi, AGuideEditedIsLoadedAgainAndAFailureSaysWhy) {
  const fs::path dir = temp_folder("library");
  const fs::path guide = dir / "team.yaml";
  write(guide, "guide: team\nextends: " + kShippedGuide + "\nrules: [\n");
  GuideLibrary library(dictionaries());
  const auto broken = library.load(guide.string(), true);
  ASSERT_FALSE(broken->ok());
  EXPECT_FALSE(broken->guide_errors.empty());
  EXPECT_EQ(broken->status.location().path, broken->guide_errors.front().location().path);
  EXPECT_TRUE(library.snapshot()->guides.empty());

  write(guide, "guide: team\nextends: " + kShippedGuide + "\n");
  fs::last_write_time(guide, fs::last_write_time(guide) + std::chrono::seconds(2));
  const auto fixed = library.load(guide.string(), true);
  ASSERT_TRUE(fixed->ok()) << fixed->status.to_string();
  EXPECT_EQ(fixed->guide().id(), "team");
  EXPECT_EQ(fixed->generation, 2u);
  EXPECT_EQ(library.load(guide.string(), true), fixed);  // unchanged: the same one
  ASSERT_EQ(library.snapshot()->guides.size(), 1u);
  EXPECT_EQ(library.snapshot()->find("team"), fixed);
}

TEST(FindDrafts, FoldersWalkedWithTheirConfig) {
  const fs::path repo = temp_folder("drafts");
  write(repo / ".tonelint.yaml", "exclude: [\"skip/**\"]\ncontexts:\n  - paths: [\"chat/**\"]\n    channel: chat\n");
  write(repo / "chat" / "a.md", "Hello.\n");
  write(repo / "skip" / "b.md", "Hello.\n");
  DraftRequest request;
  request.named = {repo.string()};
  auto drafts = find_drafts(request, "", [] { return kShippedGuide; });
  ASSERT_TRUE(drafts.ok()) << drafts.status().to_string();
  ASSERT_EQ(drafts->files.size(), 1u);
  EXPECT_NE(drafts->files[0].path.find("a.md"), std::string::npos);
  ASSERT_EQ(drafts->files[0].settings.configured.size(), 1u);
  EXPECT_EQ(drafts->files[0].settings.configured[0].value, "chat");
  EXPECT_EQ(drafts->files[0].settings.guide_path, kShippedGuide);
}

}  // namespace
}  // namespace tonelint
