// The public C++ API, part 3: checking drafts as they sit in a repository. What governs a
// draft apart from its own text: the guide (--guide, else the nearest .tonelint.yaml's
// `guide:`, else the shipped one), the repository config above it (`contexts:` by glob,
// `exclude:`, `min_level`, `fail_on`), and the context that results (context.h). One
// Workspace holds the guides it loaded (a GuideLibrary) and the dictionaries, so every
// front end resolves, loads, filters and fixes the same way.
//
// The language server: one Workspace for the session, reread_configs and reload_changed_guides
// on, so an edited .tonelint.yaml or guide counts from the next lint:
//
//   tonelint::Workspace workspace({.guide_override = guide, .root = workspace_folder});
//   tonelint::DocumentSetup setup = workspace.setup_for(path);          // nullopt: unsaved
//   if (setup.failure != tonelint::CheckFailure::kNone) show(setup.error);
//   else if (!setup.settings.excluded) {
//     tonelint::DocumentCheck checked = workspace.check(setup, text, request);
//     ... checked.result.findings (at or above the min level), checked.context ...
//   }
//
// The CLI (`tonelint check`), planned: one Workspace for the run with reread_configs and
// reload_changed_guides off (each config and guide read once), then per file
//   setup_for(path)      → the guide and config (errors name file:line:column; exit 2)
//   check(setup, ...)    → findings at or above min_level (flag > config > suggestion), the
//                          context with its sources for --format json, `failing` against
//                          fail_on (flag > config > error) for the exit status
//   fix(setup, ..., mode)→ the fix loop; writing the file back (safe_write) stays the CLI's.
// Files to check come from find_drafts (below): folders walked with the config's include
// and exclude and .gitignore.
//
// Thread-safe: any number of threads may call setup_for, check and fix at once. Errors are
// values; no exception crosses this API.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tonelint/checker.h"
#include "tonelint/context.h"
#include "tonelint/guide_library.h"
#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

// A repository config (.tonelint.yaml) as loaded; immutable.
class ProjectConfig {
 public:
  const std::string& path() const;   // the config file
  const std::string& root() const;   // the folder its patterns are relative to
  const std::string& guide() const;  // the guide it names (absolute), or empty: the shipped one
  std::optional<Severity> min_level() const;
  std::optional<Severity> fail_on() const;
  bool gitignore() const;

  struct Impl;  // the library's own
  const Impl& impl() const { return *impl_; }
  explicit ProjectConfig(std::unique_ptr<Impl> impl);
  ~ProjectConfig();

 private:
  std::unique_ptr<Impl> impl_;
};

// What governs one path.
struct DocumentSettings {
  std::shared_ptr<const ProjectConfig> config;  // the governing config, or null
  std::string guide_path;                       // the guide to check it against
  std::vector<ConfiguredValue> configured;      // the config's `contexts:` for the path
  std::optional<Severity> min_level;            // the config's
  std::optional<Severity> fail_on;              // the config's
  bool excluded = false;                        // the config's `exclude:` covers the path
};

// Why a draft was not checked.
enum class CheckFailure : std::uint8_t {
  kNone,
  kDictionaries,  // the MeCab dictionaries could not be loaded
  kSetup,         // a broken config, no guide at all, a config naming values its guide lacks
  kGuide,         // the guide did not load (see DocumentSetup::guide->guide_errors)
  kInput,         // the text is not text tonelint checks (invalid UTF-8, binary)
  kText,          // the text refused: broken front matter, an unknown context value, too large
};

struct DocumentSetup {
  CheckFailure failure = CheckFailure::kNone;
  Status error;  // why, when failure is not kNone
  DocumentSettings settings;
  std::shared_ptr<const LoadedGuide> guide;  // the guide as loaded (also when it failed: kGuide)
};

// What the caller says about one check, on top of what the repository says.
struct CheckRequest {
  CheckOptions options;  // format, reported filename, explicit context values (win over all)
  std::optional<Severity> min_level;  // wins over the config's; default suggestion (all)
  std::optional<Severity> fail_on;    // wins over the config's; default error
  // Findings kept at most, the first in text order (the rest are counted by level in
  // CheckResult::dropped); a check that only reports needs no more than it shows. A fix
  // sees every finding; the fixed text's report keeps this many.
  std::size_t keep_at_most = static_cast<std::size_t>(-1);
  // False: CheckResult::findings is left empty, for a caller that only writes the report
  // (ReportWriter reads the checked text's own record) and so need not have every finding
  // made twice; `failing`, `dropped` and the report are the same.
  bool with_findings = true;
};

struct DocumentCheck {
  CheckFailure failure = CheckFailure::kNone;
  Status error;
  CheckResult result;                 // findings at or above `min_level`
  std::optional<FixResult> fixed;     // fix() only: the fixed text and its findings
  std::vector<ContextValue> context;  // per dimension, with its source (see context.h)
  Severity min_level = Severity::kSuggestion;
  Severity fail_on = Severity::kError;
  // Findings at or above `fail_on` (of the fixed text, after fix()), those dropped included.
  std::size_t failing = 0;
};

// "error", "warning" or "suggestion" (a --min-level or --fail-on value); nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view name);

// Every phrase of the guide's rules that analyses to no words (punctuation only), at its
// rule's file:line:column. The loader cannot tell (it has no analyser) and a check finds it
// only in a context that uses the rule, so a run checks each guide once before it starts.
std::vector<Status> check_guide_phrases(const ToneGuide& guide);

// Whether each of `context`'s values (by dimension name) is one `guide` allows: a run checks
// its --channel/--situation/... flags against each guide before any work. The error's
// message names the value, the guide and what it allows.
Status check_context(const ToneGuide& guide, const std::map<std::string, std::string>& context);

// Whether `level` is `threshold` or more severe.
bool at_or_above(Severity level, Severity threshold);
// The level in force: the caller's, else the config's, else `fallback`.
Severity level_in_force(const std::optional<Severity>& requested, const std::optional<Severity>& configured,
                        Severity fallback);

// "text", "markdown", ...: the input format tonelint would use for a file at `path` (from its
// extension); the format `name` stands for ("md" → "markdown"), empty when tonelint has none.
std::string format_for_path(std::string_view path);
std::string canonical_format(std::string_view name);

struct WorkspaceOptions {
  std::string guide_override;   // --guide: every path is checked against it
  std::string config_override;  // --config: governs every path instead of the nearest one
  // Where a draft without a path (an unsaved buffer, stdin) is placed to find its config;
  // empty: the working folder.
  std::string root;
  bool reread_configs = true;         // false: each config file is read once
  bool reload_changed_guides = true;  // a guide file edited is loaded again when next used
  // The dictionaries; null: `load_dictionaries`, else Dictionaries::load(), on first use.
  std::shared_ptr<const Dictionaries> dictionaries;
  std::function<Result<std::shared_ptr<const Dictionaries>>()> load_dictionaries;
  // The guide when neither --guide nor a config names one; null: shipped_guide_path().
  std::function<std::string()> shipped_guide;
  GuideLibraryOptions guide_options;
};

class Workspace {
 public:
  explicit Workspace(WorkspaceOptions options);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // Which config and guide govern `path` (nullopt: a draft without one, placed at the
  // root), the dictionaries and the guide loaded. Errors name file:line:column.
  DocumentSetup setup_for(const std::optional<std::string>& path) const;
  // The same for settings already found (find_drafts' PlannedFile::settings): the guide
  // they name loaded and the config checked against it.
  DocumentSetup setup_with(DocumentSettings settings) const;
  // The config alone (no guide loaded): null when none governs the path.
  Result<DocumentSettings> settings_for(const std::optional<std::string>& path) const;

  // Checks `text` as `setup` says (setup.failure must be kNone; an excluded path is checked
  // all the same: skipping it is the caller's choice).
  DocumentCheck check(const DocumentSetup& setup, std::string_view text, const CheckRequest& request) const;
  // The fix loop (safe rewrites, or all; bounded passes), as `tonelint check --fix` runs it.
  DocumentCheck fix(const DocumentSetup& setup, std::string_view text, const CheckRequest& request,
                    FixMode mode) const;

  // Loaded once, on first use; the error is kept (not retried).
  Result<std::shared_ptr<const Dictionaries>> dictionaries() const;

  struct Impl;  // the library's own

 private:
  std::unique_ptr<Impl> impl_;
};

// Which files a run checks. Named paths are checked unless their config excludes them;
// folders are walked (hidden folders, .gitignore'd paths and `exclude:` skipped, the
// config's `include:` or the draft extensions taken); listed paths (--files-from) are
// checked only when they are drafts. "-" is stdin, placed by `stdin_filename`.
struct DraftRequest {
  std::vector<std::string> named;
  std::vector<std::string> listed;
  std::string stdin_filename;
  std::string config_override;  // --config
};

struct PlannedFile {
  std::string path;  // as given or found; "-" is stdin
  DocumentSettings settings;
};

struct DraftList {
  std::vector<PlannedFile> files;
  std::vector<std::string> notes;  // paths left out, and why
  std::vector<Status> unreachable;  // folders that could not be walked: the run fails
};

// Errors: a malformed config (naming its file, line and column). `guide_override` and
// `shipped_guide` settle each file's DocumentSettings::guide_path as Workspace does.
Result<DraftList> find_drafts(const DraftRequest& request, const std::string& guide_override = {},
                              const std::function<std::string()>& shipped_guide = {});

}  // namespace tonelint
