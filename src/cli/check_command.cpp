// `tonelint check`: lint drafts against a tone guide in their context; report, fix or diff.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>
#include <signal.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/ordered_pipeline.h"
#include "cli/terminal.h"
#include "config/draft_finder.h"
#include "lint/phrase_check.h"
#include "lint/session.h"
#include "lint/session_lru.h"
#include "guide/guide_cache.h"
#include "load/guide_loader.h"
#include "fix/fix_loop.h"
#include "fix/fixer.h"
#include "fix/interrupt.h"
#include "input/path_list.h"
#include "input/source_text.h"
#include "input/utf8.h"
#include "report/escape.h"
#include "report/json_report.h"
#include "report/report.h"
#include "report/report_format.h"

namespace tonelint::cli {
namespace {

namespace fs = std::filesystem;

struct CheckOptions {
  std::string guide;
  std::string config;
  ContextFlags context;
  std::string format = "text";
  std::string fix;  // "", "safe" (--fix) or "all" (--fix=all)
  bool diff = false;
  int jobs = 0;
  std::string stdin_filename;
  std::string fail_on;    // the least severe level that makes the exit status 1 ("": config's, else error)
  std::string min_level;  // the least severe level reported ("": config's, else suggestion)
  std::string files_from;         // a list of paths, one a line; "-": stdin
  std::string color = "auto";     // auto, always, never
  bool no_color = false;
  std::vector<std::string> paths;
};

struct FileOutcome {
  std::string path;
  const PlannedDraft* plan = nullptr;
  const Guide* guide = nullptr;
  Level fail_on = Level::kError;
  bool from_stdin = false;
  Status error;             // the file could not be checked
  bool skipped = false;     // binary
  std::unique_ptr<SourceText> source;  // as checked (after fixes)
  FileReport report;
  std::string diff;
  int fixes = 0;
  int failing = 0;              // findings at or above fail_on, all counted
  report::LevelCounts dropped;  // findings past the per-file bound, counted but not kept
};

// Findings less severe than `min_level` are dropped before anything reads them, --fix included.
// A check that only reports keeps the first kMaxFindingsPerFile and counts the rest, so a
// draft of millions of findings is never held whole; --fix and --diff need every rewrite.
Result<FileReport> lint_at_level(LintSession& session, const SourceText& source, const Extractor& extractor,
                                 const Context& flags, const Context& configured, Level min_level, bool keep_all) {
  LintLimits limits;
  limits.min_level = min_level;
  if (!keep_all) limits.keep_at_most = report::kMaxFindingsPerFile;
  return session.lint(source, extractor, flags, configured, limits);
}

FileOutcome check_one(LintSession& session, const CheckOptions& options, const PlannedDraft& draft, Level min_level,
                      StaleTempSweeper& sweeper) {
  const std::string& path = draft.path;
  FileOutcome outcome;
  outcome.plan = &draft;
  const bool from_stdin = path == "-";
  outcome.from_stdin = from_stdin;
  outcome.path = from_stdin ? (options.stdin_filename.empty() ? "<stdin>" : options.stdin_filename) : path;
  // Refused from its size before it is read when over what a check holds in memory.
  auto loaded = from_stdin ? load_source_stream(std::cin, outcome.path, kMaxLintBytes)
                           : load_source_file(path, kMaxLintBytes);
  if (!loaded.ok()) {
    outcome.skipped = loaded.status().code() == ErrorCode::kBinary;
    outcome.error = loaded.status();
    return outcome;
  }
  const Extractor& extractor = extractor_for_path(outcome.path);
  const Context flags = options.context.to_context();
  outcome.source = std::move(*loaded);
  const Context& configured = draft.context.context;
  const bool rewrites = !options.fix.empty() || options.diff;
  auto report = lint_at_level(session, *outcome.source, extractor, flags, configured, min_level, rewrites);
  if (!report.ok()) {
    // Not checked (broken front matter, an unknown context value, too large): reported as
    // an error only, not as a file with no findings.
    outcome.error = report.status();
    outcome.source.reset();
    return outcome;
  }
  outcome.report = std::move(*report);
  if (options.fix.empty() && !options.diff) return outcome;

  // Apply, re-check, repeat (fix_until_stable). The file as read stays in `outcome` for
  // --diff, which writes nothing and so reports it as it is.
  FixOutcome fixed = fix_until_stable(*outcome.source, outcome.report, options.fix == "all", [&](const SourceText& text) {
    return lint_at_level(session, text, extractor, flags, configured, min_level, /*keep_all=*/true);
  });
  std::unique_ptr<SourceText>& current = fixed.source;
  const int fixes = fixed.applied;
  FileReport& current_report = fixed.report;
  if (!current) return outcome;  // nothing to change
  if (options.diff) {
    // The name quoted as the text output quotes it: a newline in it cannot start a line.
    outcome.diff = unified_diff(report::quote_name(outcome.path), outcome.source->bytes(), current->bytes());
    return outcome;
  }
  if (!from_stdin) {
    for (const std::string& stale : sweeper.sweep_folder_of(path)) {
      std::cerr << "tonelint: removed " + report::quote_name(stale) + ", a temporary file left by an interrupted run\n";
    }
    ReplaceHooks hooks;
    hooks.cancelled = [] { return fix_interrupt_signal() != 0; };
    if (Status s = write_if_unchanged(path, outcome.source->bytes(), current->bytes(), hooks); !s.ok()) {
      outcome.error = s;  // the file keeps its content, and its findings are what is reported
      return outcome;
    }
  }
  outcome.fixes = fixes;
  outcome.source = std::move(current);
  outcome.report = std::move(current_report);
  return outcome;
}

// Reads a level flag into `out` (left empty when the flag is not given); false, with the
// error printed, for an unknown level.
bool parse_level_flag(const std::string& flag, const std::string& value, std::optional<Level>* out) {
  if (value.empty()) return true;
  if (value == "error") *out = Level::kError;
  if (value == "warning") *out = Level::kWarning;
  if (value == "suggestion") *out = Level::kSuggestion;
  if (!*out) std::cerr << "tonelint check: unknown " << flag << " '" << value << "' (expected error, warning or suggestion)\n";
  return out->has_value();
}

// Compiled guides a worker keeps (see SessionLru).
constexpr std::size_t kSessionsPerWorker = 8;

// The guides a run needs (each loaded once) and the check that every config's contexts
// name values its guide knows.
class GuideSet {
 public:
  explicit GuideSet(std::string requested) : requested_(std::move(requested)) {}

  // The guide for a draft: --guide, else its config's, else the shipped one; null with
  // the errors printed.
  std::shared_ptr<const Guide> for_draft(const PlannedDraft& draft) {
    std::string path = requested_;
    if (path.empty() && draft.config) path = draft.config->guide();
    if (path.empty()) path = shipped_guide();
    if (path.empty()) {
      std::cerr << "tonelint: no guide found: pass --guide FILE or add 'guide:' to a .tonelint.yaml\n";
      return nullptr;
    }
    auto [it, added] = guides_.try_emplace(path);
    if (added) it->second = load_guide_or_report(path, &cache_);
    if (!it->second) return nullptr;
    if (draft.config && checked_.insert({draft.config.get(), it->second.get()}).second) {
      if (Status s = draft.config->check_against(*it->second); !s.ok()) {
        std::cerr << "tonelint: " << report::escape_controls(s.to_string()) << '\n';
        return nullptr;
      }
    }
    return it->second;
  }

  // Every phrase of every guide loaded has words to match (see PhraseCheck); false, with
  // the errors printed, when one has not: then nothing is checked.
  bool check_phrases(const std::shared_ptr<const MecabModel>& model) {
    auto analyzer = Analyzer::create(model);
    if (!analyzer.ok()) {
      std::cerr << "tonelint: " << analyzer.status().to_string() << '\n';
      return false;
    }
    PhraseCheck check(**analyzer);
    std::set<const Guide*> seen;
    std::size_t errors = 0;
    for (const auto& [path, guide] : guides_) {
      if (!guide || !seen.insert(guide.get()).second) continue;
      for (const Status& e : check.check(*guide)) {
        std::cerr << "tonelint: " << report::escape_controls(e.to_string()) << '\n';
        ++errors;
      }
    }
    if (errors > 0) {
      std::cerr << "tonelint: the guide has " << errors << " error" << (errors == 1 ? "" : "s")
                << "; nothing was checked\n";
    }
    return errors == 0;
  }

 private:
  std::string requested_;
  GuideCache cache_;  // guides that extend one base share it (and its lexicon)
  std::map<std::string, std::shared_ptr<const Guide>> guides_;
  std::set<std::pair<const RepoConfig*, const Guide*>> checked_;
};

int run_check(CheckOptions options) {
  if (!report::is_report_format(options.format)) {
    std::cerr << "tonelint check: unknown --format '" << options.format << "' (expected " << report::report_format_list()
              << ")\n";
    return kExitUsage;
  }
  bool colored = false;
  if (!parse_color_mode(options.no_color ? "never" : options.color, STDOUT_FILENO, &colored)) {
    std::cerr << "tonelint check: unknown --color '" << options.color << "' (expected auto, always or never)\n";
    return kExitUsage;
  }
  const Palette palette(colored);
  std::optional<Level> fail_on_flag, min_level_flag;
  if (!parse_level_flag("--fail-on", options.fail_on, &fail_on_flag) ||
      !parse_level_flag("--min-level", options.min_level, &min_level_flag)) {
    return kExitUsage;
  }
  std::vector<std::string> listed;
  if (!options.files_from.empty()) {
    if (options.files_from == "-" && std::count(options.paths.begin(), options.paths.end(), "-") > 0) {
      std::cerr << "tonelint check: --files-from - reads the list of paths from stdin, so stdin cannot also be a draft "
                   "('-' among the paths)\n";
      return kExitUsage;
    }
    auto list = read_path_list(options.files_from, std::cin);
    if (!list.ok()) {
      std::cerr << "tonelint check: " << report::escape_controls(list.status().to_string()) << '\n';
      return kExitUsage;
    }
    listed = std::move(*list);
  } else if (options.paths.empty()) {
    std::cerr << "tonelint check: no paths to check (give PATH..., - for stdin, or --files-from FILE)\n";
    return kExitUsage;
  }
  if (!options.fix.empty() && options.fix != "safe" && options.fix != "all") {
    std::cerr << "tonelint check: --fix takes no value or =all, not '" << options.fix << "'\n";
    return kExitUsage;
  }
  if (!options.fix.empty() && options.diff) {
    std::cerr << "tonelint check: --fix and --diff are exclusive (--diff shows what --fix would write)\n";
    return kExitUsage;
  }

  // Which files, under which config, against which guide: all settled before any work.
  ConfigFinder configs(options.config);
  auto plan = plan_drafts({options.paths, listed, options.stdin_filename}, configs);
  if (!plan.ok()) {
    std::cerr << "tonelint: " << report::escape_controls(plan.status().to_string()) << '\n';
    return kExitUsage;
  }
  for (const std::string& note : plan->notes) std::cerr << "tonelint: " << report::escape_controls(note) << '\n';
  for (const Status& unreachable : plan->unreachable) {
    std::cerr << "tonelint: " << report::escape_controls(unreachable.to_string()) << '\n';
  }
  const std::vector<PlannedDraft>& drafts = plan->drafts;
  GuideSet guides(options.guide);
  std::vector<std::shared_ptr<const Guide>> draft_guides;
  draft_guides.reserve(drafts.size());
  for (const PlannedDraft& draft : drafts) {
    auto guide = guides.for_draft(draft);
    if (!guide) return kExitUsage;
    if (auto checked = complete_context(*guide, options.context.to_context()); !checked.ok()) {
      std::cerr << "tonelint: " << report::escape_controls(checked.status().message()) << '\n';
      return kExitUsage;
    }
    draft_guides.push_back(std::move(guide));
  }
  std::shared_ptr<const MecabModel> model = load_model_or_report();
  if (!model) return kExitUsage;
  if (!guides.check_phrases(model)) return kExitUsage;

  // Flags win over the config; the config over the defaults (report all, fail on errors).
  auto level_for = [](const std::optional<Level>& flag, const PlannedDraft& d,
                      const std::optional<Level>& (RepoConfig::*setting)() const, Level fallback) {
    if (flag) return *flag;
    if (d.config && ((*d.config).*setting)()) return *((*d.config).*setting)();
    return fallback;
  };
  const int jobs = std::max(1, std::min<int>(options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()),
                                              static_cast<int>(drafts.size())));
  // A bar on a terminal for runs of many files (not when a draft comes from stdin,
  // which may be a person typing).
  ProgressBar progress(drafts.size(), ::isatty(STDERR_FILENO) == 1 && drafts.size() >= 20 &&
                                          options.files_from != "-" &&
                                          std::none_of(drafts.begin(), drafts.end(),
                                                       [](const PlannedDraft& d) { return d.path == "-"; }));
  StaleTempSweeper sweeper;
  const bool writes_files = !options.fix.empty() && !options.diff;
  if (writes_files) install_fix_interrupt_handlers();
  std::atomic<int> files_fixed{0};  // written to disk, whether reported yet or not
  std::mutex setup_error_mutex;
  Status setup_error;
  // Each thread's lint sessions, one per guide, the last few kept (SessionLru); a thread
  // touches only its own, so the lock is held just to find it.
  std::mutex sessions_mutex;
  std::map<std::thread::id, SessionLru> sessions;
  auto check_draft = [&](std::size_t i) -> std::optional<FileOutcome> {
    if (fix_interrupt_signal() != 0) return std::nullopt;  // SIGINT/SIGTERM under --fix: no new file
    const std::shared_ptr<const Guide>& guide = draft_guides[i];
    SessionLru* mine = nullptr;
    {
      std::lock_guard<std::mutex> lock(sessions_mutex);
      mine = &sessions.try_emplace(std::this_thread::get_id(), kSessionsPerWorker).first->second;
    }
    auto session = mine->get(guide.get(), [&] { return LintSession::create(guide, model); });
    if (!session.ok()) {
      std::lock_guard<std::mutex> error_lock(setup_error_mutex);
      setup_error = session.status();
      return std::nullopt;
    }
    const Level min_level = level_for(min_level_flag, drafts[i], &RepoConfig::min_level, Level::kSuggestion);
    FileOutcome outcome = check_one(**session, options, drafts[i], min_level, sweeper);
    if (outcome.fixes > 0) ++files_fixed;
    progress.advance();
    outcome.guide = guide.get();
    outcome.fail_on = level_for(fail_on_flag, drafts[i], &RepoConfig::fail_on, Level::kError);
    // Counted in full, kept up to the bound: the report of one file stays small.
    const LintResult& result = outcome.report.result;
    outcome.failing = report::count_at_or_above(result.diagnostics, outcome.fail_on) + result.dropped.at_or_above(outcome.fail_on);
    outcome.dropped = result.dropped;  // past the bound in the engine; and after --fix, here
    outcome.dropped.add(report::keep_first_findings(&outcome.report.result.diagnostics));
    return outcome;
  };

  int failed = 0, fixed = 0, failing = 0;
  report::JsonSummary summary;  // counts and score, for the JSON report and the stderr line
  std::unique_ptr<report::ReportWriter> writer = report::make_report_writer(
      options.format, std::cout,
      {draft_guides.empty() ? nullptr : draft_guides.front().get(), TONELINT_VERSION, fail_on_flag.value_or(Level::kError),
       &palette});
  // --diff and --fix on stdin replace the text report with the diff or the fixed text.
  const bool text_report = options.format == "text";
  auto report_outcome = [&](FileOutcome&& f) {
    // stderr lines of this file, written above the progress bar (if any) in one piece.
    std::ostringstream notes;
    struct Flush {
      ProgressBar& bar;
      std::ostringstream& text;
      ~Flush() { bar.print_above(text.str()); }
    } flush_notes{progress, notes};
    if (!f.error.ok() && !f.source) {
      notes << "tonelint: " << report::escape_controls(f.error.to_string()) << '\n';
      if (f.skipped) {
        summary.add_skipped();
      } else {
        ++failed;
        summary.add_refused();
      }
      return;
    }
    if (!f.error.ok()) {  // checked, but could not write the fix
      notes << "tonelint: " << report::escape_controls(f.error.to_string()) << '\n';
      ++failed;
    }
    // Problems that did not stop the check (a regex stopped by its time limit): on stderr,
    // whatever the format, naming the file, line and rule; the exit status is the findings'.
    for (const Status& w : f.report.result.warnings) {
      notes << "tonelint: warning: " << report::escape_controls(w.to_string()) << '\n';
    }
    if (f.dropped.total() > 0) {
      notes << "tonelint: " << report::quote_name(f.path) << ": " << f.dropped.total()
            << " more findings counted but not reported (at most " << report::kMaxFindingsPerFile << " a file)\n";
    }
    fixed += f.fixes;
    summary.add(f.report, f.dropped);
    failing += f.failing;
    report::FileEntry entry;
    entry.path = f.path;
    entry.source = f.source.get();
    entry.report = &f.report;
    entry.guide = f.guide;
    entry.fail_on = f.fail_on;
    entry.dropped = static_cast<std::size_t>(f.dropped.total());
    entry.fixes = f.fixes;
    if (f.plan != nullptr && f.plan->config) {
      entry.config_path = f.plan->config->path().string();
      entry.config_patterns = &f.plan->context.matched;
    }
    if (text_report && options.diff) {
      std::cout << f.diff;
    } else if (text_report && f.from_stdin && !options.fix.empty()) {
      std::cout << f.source->bytes();  // --fix on stdin: the fixed text, as editors expect
    } else {
      writer->add_file(entry);
    }
  };
  const bool reads_stdin = std::any_of(drafts.begin(), drafts.end(), [](const PlannedDraft& d) { return d.path == "-"; });
  // stdin is read on this thread, in order; otherwise a few files ahead of the report per thread.
  const bool completed = run_in_order<FileOutcome>(drafts.size(), reads_stdin ? 1 : jobs,
                                                   static_cast<std::size_t>(jobs) * 2, check_draft, report_outcome);
  progress.stop();
  if (const int signal = writes_files ? fix_interrupt_signal() : 0; signal != 0) {
    // The report so far is closed, so a machine reader still gets a well-formed document.
    if (writer != nullptr) (void)writer->finish(summary);
    std::cout.flush();
    const int written = files_fixed.load();
    std::cerr << "tonelint: interrupted by " << (signal == SIGINT ? "SIGINT" : "SIGTERM") << "; " << written << " file"
              << (written == 1 ? "" : "s") << " fixed before it, the others left as they were\n";
    return exit_status_after_signal(signal);
  }
  if (!completed) {
    std::cerr << "tonelint: " << report::escape_controls(setup_error.to_string()) << '\n';
    return kExitUsage;
  }
  if (writer != nullptr) {
    if (Status s = writer->finish(summary); !s.ok()) {
      std::cerr << "tonelint: " << report::escape_controls(s.to_string()) << '\n';
      ++failed;
    }
  }
  std::cout.flush();
  const int errors = summary.errors(), warnings = summary.warnings(), suggestions = summary.suggestions();
  const std::size_t checked = summary.files(), refused = summary.refused();
  const std::size_t total = checked + refused + summary.skipped();
  std::cerr << "tonelint: " << total << " file" << (total == 1 ? "" : "s");
  if (total != checked) {
    std::cerr << " (" << checked << " checked";
    if (refused > 0) std::cerr << ", " << refused << " refused";
    if (summary.skipped() > 0) std::cerr << ", " << summary.skipped() << " skipped";
    std::cerr << ')';
  }
  std::cerr << ", " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
            << (warnings == 1 ? "" : "s") << ", " << suggestions << " suggestion" << (suggestions == 1 ? "" : "s");
  if (fixed > 0) std::cerr << ", " << fixed << " fixed";
  // Nothing checked: no score to claim.
  if (checked > 0) {
    std::cerr << ", tone score " << summary.score() << '\n';
  } else {
    std::cerr << ", no tone score\n";
  }
  if (failed > 0 || !plan->unreachable.empty()) return kExitUsage;  // something was not checked
  return failing > 0 ? kExitFindings : kExitOk;
}

}  // namespace

std::function<int()> add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Check drafts against a tone guide in their context");
  cmd->add_option("--config", options->config, "Repository config (default: the nearest .tonelint.yaml)");
  cmd->add_option("--guide", options->guide, "Tone guide (YAML); default: .tonelint.yaml's, else the shipped one");
  options->context.add_to(*cmd);
  cmd->add_option("--format", options->format, "Output format: " + report::report_format_list())
      ->capture_default_str();
  cmd->add_option("--fail-on", options->fail_on,
                  "Exit 1 on findings at or above this level: error, warning or suggestion (default: the config's "
                  "fail_on, else error)");
  cmd->add_option("--min-level", options->min_level,
                  "Report only findings at or above this level (default: the config's min_level, else suggestion)");
  cmd->add_option("--fix", options->fix, "Apply safe rewrites (--fix) or all rewrites (--fix=all)")
      ->expected(0, 1)
      ->default_str("safe");
  cmd->add_option("--color", options->color,
                  "Colour the text output: auto (a terminal, unless NO_COLOR is set), always or never")
      ->capture_default_str();
  cmd->add_flag("--no-color", options->no_color, "Same as --color=never");
  cmd->add_flag("--diff", options->diff, "Print the rewrites as a unified diff instead of writing them");
  cmd->add_option("--jobs,-j", options->jobs, "Files checked in parallel (default: one per core)");
  cmd->add_option("--stdin-filename", options->stdin_filename, "Name to report for stdin (its extension picks the format)");
  CLI::Option* paths = cmd->add_option("paths", options->paths, "Files or directories to check; - reads stdin")->required();
  // With a list, positional paths become optional. Done as the option is parsed, so that
  // before it a required path is still kept from being taken as --fix's value.
  cmd->add_option_function<std::string>(
         "--files-from",
         [options, paths](const std::string& from) {
           options->files_from = from;
           paths->required(false);
         },
         "Also check the paths listed in FILE, one a line; - reads stdin")
      ->trigger_on_parse();
  return [options] { return run_check(*options); };
}

}  // namespace tonelint::cli
