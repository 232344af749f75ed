// `tonelint check`: lint drafts against a tone guide in their context; report, fix or diff.
#include <algorithm>
#include <atomic>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include <signal.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/ordered_pipeline.h"
#include "cli/terminal.h"
#include "fix/fixer.h"
#include "fix/interrupt.h"
#include "input/path_list.h"
#include "input/source_text.h"
#include "report/escape.h"
#include "tonelint/report.h"
#include "tonelint/workspace.h"

namespace tonelint::cli {
namespace {

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
  std::size_t index = 0;  // in the run's list of drafts
  std::string path;
  bool from_stdin = false;
  Status error;             // the file could not be checked
  bool skipped = false;     // binary
  bool checked = false;     // `check` holds its report
  DocumentCheck check;      // as reported: after the fixes written, else of the file as read
  std::string diff;
  std::string fixed_text;   // --fix on stdin: what is printed
  int fixes = 0;
};

// What a run asks of the workspace for every file.
struct RunRequest {
  CheckRequest request;
  std::optional<FixMode> fix;  // --fix or --diff
  bool diff = false;
};

FileOutcome check_one(const Workspace& workspace, const CheckOptions& options, const RunRequest& run,
                      const PlannedFile& draft, const DocumentSetup& setup, StaleTempSweeper& sweeper,
                      Status* setup_error) {
  const std::string& path = draft.path;
  FileOutcome outcome;
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
  CheckRequest request = run.request;
  request.options.filename = outcome.path;
  // Not checked (broken front matter, an unknown context value, too large): reported as an
  // error only, not as a file with no findings. A failure of the setup stops the run.
  auto failed = [&](DocumentCheck& checked) {
    if (checked.failure == CheckFailure::kInput || checked.failure == CheckFailure::kText) {
      outcome.error = checked.error;
    } else {
      *setup_error = checked.error;
    }
    return !checked.error.ok();
  };
  std::unique_ptr<SourceText> source = std::move(*loaded);
  if (!run.fix) {
    outcome.check = workspace.check(setup, source->bytes(), request);
    source.reset();  // the check holds the text it reports
    if (outcome.check.failure != CheckFailure::kNone) {
      failed(outcome.check);
      return outcome;
    }
    outcome.checked = true;
    return outcome;
  }
  // Apply, re-check, repeat (Workspace::fix). The file as read stays here for --diff, which
  // writes nothing and so reports it as it is.
  DocumentCheck fixed = workspace.fix(setup, source->bytes(), request, *run.fix);
  if (fixed.failure != CheckFailure::kNone) {
    failed(fixed);
    return outcome;
  }
  // The report of the file as it is on disk: nothing changed, --diff, or a write that failed.
  auto report_as_read = [&]() -> void {
    if (fixed.fixed->edits.empty()) {
      outcome.check = std::move(fixed);
    } else {
      outcome.check = workspace.check(setup, source->bytes(), request);
      if (outcome.check.failure != CheckFailure::kNone) {
        failed(outcome.check);
        return;
      }
    }
    outcome.check.fixed.reset();
    outcome.checked = true;
  };
  if (fixed.fixed->edits.empty()) {  // nothing to change
    if (from_stdin && !run.diff) outcome.fixed_text = std::string(source->bytes());
    report_as_read();
    return outcome;
  }
  const std::string& current = fixed.fixed->text;
  if (run.diff) {
    // The name quoted as the text output quotes it: a newline in it cannot start a line.
    outcome.diff = unified_diff(report::quote_name(outcome.path), source->bytes(), current);
    report_as_read();
    return outcome;
  }
  if (!from_stdin) {
    for (const std::string& stale : sweeper.sweep_folder_of(path)) {
      std::cerr << "tonelint: removed " + report::quote_name(stale) + ", a temporary file left by an interrupted run\n";
    }
    ReplaceHooks hooks;
    hooks.cancelled = [] { return fix_interrupt_signal() != 0; };
    if (Status s = write_if_unchanged(path, source->bytes(), current, hooks); !s.ok()) {
      report_as_read();  // the file keeps its content, and its findings are what is reported
      outcome.error = s;
      return outcome;
    }
  } else {
    outcome.fixed_text = current;
  }
  outcome.fixes = static_cast<int>(fixed.fixed->edits.size());
  fixed.fixed.reset();
  outcome.check = std::move(fixed);
  outcome.checked = true;
  return outcome;
}

// Reads a level flag into `out` (left empty when the flag is not given); false, with the
// error printed, for an unknown level.
bool parse_level_flag(const std::string& flag, const std::string& value, std::optional<Severity>* out) {
  if (value.empty()) return true;
  *out = parse_severity(value);
  if (!*out) std::cerr << "tonelint check: unknown " << flag << " '" << value << "' (expected error, warning or suggestion)\n";
  return out->has_value();
}

// "text, json, ... or junit": the report formats as --help and its errors list them.
std::string report_format_list() {
  const std::vector<ReportFormatInfo> formats = report_formats();
  std::string list;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i > 0) list += i + 1 == formats.size() ? " or " : ", ";
    list += formats[i].name;
  }
  return list;
}

bool is_report_format(const std::string& name) {
  const std::vector<ReportFormatInfo> formats = report_formats();
  return std::any_of(formats.begin(), formats.end(), [&](const ReportFormatInfo& f) { return f.name == name; });
}

// The guides a run needs (each loaded once, through the workspace) and the check that every
// config's contexts name values its guide knows: one setup per config and guide.
class SetupSet {
 public:
  explicit SetupSet(const Workspace& workspace) : workspace_(workspace) {}

  // The setup for a draft; false with the errors printed (then the run stops).
  bool for_draft(const PlannedFile& draft, DocumentSetup* out) {
    if (draft.settings.guide_path.empty()) {
      std::cerr << "tonelint: no guide found: pass --guide FILE or add 'guide:' to a .tonelint.yaml\n";
      return false;
    }
    const std::pair<const ProjectConfig*, std::string> key{draft.settings.config.get(), draft.settings.guide_path};
    auto found = setups_.find(key);
    if (found == setups_.end()) {
      if (failed_guides_.count(draft.settings.guide_path) > 0) return false;
      DocumentSetup setup = workspace_.setup_with(draft.settings);
      if (!report_failure(setup)) {
        if (setup.failure == CheckFailure::kGuide) failed_guides_.insert(draft.settings.guide_path);
        return false;
      }
      guides_.emplace(draft.settings.guide_path, setup.guide);
      found = setups_.emplace(key, std::move(setup)).first;
    }
    *out = found->second;
    out->settings = draft.settings;
    return true;
  }

  // Every phrase of every guide loaded has words to match (check_guide_phrases); false,
  // with the errors printed, when one has not: then nothing is checked.
  bool check_phrases() const {
    std::set<const ToneGuide*> seen;
    std::size_t errors = 0;
    for (const auto& [path, guide] : guides_) {
      if (!guide || !guide->ok() || !seen.insert(&guide->guide()).second) continue;
      for (const Status& e : check_guide_phrases(guide->guide())) {
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
  // Prints why a setup failed, as the guide loader and the config check say it.
  static bool report_failure(const DocumentSetup& setup) {
    switch (setup.failure) {
      case CheckFailure::kNone:
        return true;
      case CheckFailure::kGuide: {
        const std::vector<Status> errors =
            setup.guide && !setup.guide->guide_errors.empty() ? setup.guide->guide_errors : std::vector<Status>{setup.error};
        for (const Status& e : errors) std::cerr << "tonelint: " << report::escape_controls(e.to_string()) << '\n';
        std::cerr << "tonelint: the guide has " << errors.size() << " error" << (errors.size() == 1 ? "" : "s")
                  << "; nothing was checked\n";
        return false;
      }
      case CheckFailure::kDictionaries:
        std::cerr << "tonelint: " << setup.error.to_string() << '\n';
        return false;
      default:
        std::cerr << "tonelint: " << report::escape_controls(setup.error.to_string()) << '\n';
        return false;
    }
  }

  const Workspace& workspace_;
  std::map<std::pair<const ProjectConfig*, std::string>, DocumentSetup> setups_;
  std::map<std::string, std::shared_ptr<const LoadedGuide>> guides_;  // by path, for the phrase check's order
  std::set<std::string> failed_guides_;
};

// What the flags say once checked: their errors printed, in the order the flags are read.
struct RunFlags {
  bool colored = false;
  std::optional<Severity> fail_on;
  std::optional<Severity> min_level;
  std::vector<std::string> listed;  // --files-from's paths
};

std::optional<RunFlags> read_flags(const CheckOptions& options) {
  RunFlags flags;
  if (!is_report_format(options.format)) {
    std::cerr << "tonelint check: unknown --format '" << options.format << "' (expected " << report_format_list()
              << ")\n";
    return std::nullopt;
  }
  if (!parse_color_mode(options.no_color ? "never" : options.color, STDOUT_FILENO, &flags.colored)) {
    std::cerr << "tonelint check: unknown --color '" << options.color << "' (expected auto, always or never)\n";
    return std::nullopt;
  }
  if (!parse_level_flag("--fail-on", options.fail_on, &flags.fail_on) ||
      !parse_level_flag("--min-level", options.min_level, &flags.min_level)) {
    return std::nullopt;
  }
  if (!options.files_from.empty()) {
    if (options.files_from == "-" && std::count(options.paths.begin(), options.paths.end(), "-") > 0) {
      std::cerr << "tonelint check: --files-from - reads the list of paths from stdin, so stdin cannot also be a draft "
                   "('-' among the paths)\n";
      return std::nullopt;
    }
    auto list = read_path_list(options.files_from, std::cin);
    if (!list.ok()) {
      std::cerr << "tonelint check: " << report::escape_controls(list.status().to_string()) << '\n';
      return std::nullopt;
    }
    flags.listed = std::move(*list);
  } else if (options.paths.empty()) {
    std::cerr << "tonelint check: no paths to check (give PATH..., - for stdin, or --files-from FILE)\n";
    return std::nullopt;
  }
  if (!options.fix.empty() && options.fix != "safe" && options.fix != "all") {
    std::cerr << "tonelint check: --fix takes no value or =all, not '" << options.fix << "'\n";
    return std::nullopt;
  }
  return flags;
}

// The run's line on stderr: "tonelint: 3 files (2 checked, 1 refused), 1 error, ... tone score 80".
void print_run_line(const ReportSummary& summary, int fixed) {
  const std::size_t errors = summary.errors, warnings = summary.warnings, suggestions = summary.suggestions;
  const std::size_t checked = summary.files, refused = summary.refused;
  const std::size_t total = checked + refused + summary.skipped;
  std::cerr << "tonelint: " << total << " file" << (total == 1 ? "" : "s");
  if (total != checked) {
    std::cerr << " (" << checked << " checked";
    if (refused > 0) std::cerr << ", " << refused << " refused";
    if (summary.skipped > 0) std::cerr << ", " << summary.skipped << " skipped";
    std::cerr << ')';
  }
  std::cerr << ", " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
            << (warnings == 1 ? "" : "s") << ", " << suggestions << " suggestion" << (suggestions == 1 ? "" : "s");
  if (fixed > 0) std::cerr << ", " << fixed << " fixed";
  // Nothing checked: no score to claim.
  if (checked > 0) {
    std::cerr << ", tone score " << summary.score << '\n';
  } else {
    std::cerr << ", no tone score\n";
  }
}

// Every draft's guide and config, each loaded once, the context flags checked against each
// guide and every guide's phrases checked: all before any draft is read. False, with the
// errors printed, when something is wrong (then nothing is checked).
bool set_up_drafts(const Workspace& workspace, const std::vector<PlannedFile>& drafts,
                   const std::map<std::string, std::string>& context, std::vector<DocumentSetup>* setups) {
  SetupSet setup_set(workspace);
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    if (!setup_set.for_draft(drafts[i], &(*setups)[i])) return false;
    if (Status s = check_context((*setups)[i].guide->guide(), context); !s.ok()) {
      std::cerr << "tonelint: " << report::escape_controls(s.message()) << '\n';
      return false;
    }
  }
  return setup_set.check_phrases();
}

// What every draft's check asks of the workspace.
RunRequest run_request(const CheckOptions& options, const RunFlags& flags,
                       const std::map<std::string, std::string>& context) {
  RunRequest run;
  run.request.options.context = context;
  run.request.min_level = flags.min_level;
  run.request.fail_on = flags.fail_on;
  // A check that only reports keeps the first findings of a file and counts the rest, so a
  // draft of millions of findings is never held whole; --fix and --diff see every rewrite.
  run.request.keep_at_most = kReportedFindingsPerFile;
  run.request.with_findings = false;  // the report reads the check's own record
  if (!options.fix.empty() || options.diff) run.fix = options.fix == "all" ? FixMode::kAll : FixMode::kSafe;
  run.diff = options.diff;
  return run;
}

int run_check(CheckOptions options) {
  const std::optional<RunFlags> flags = read_flags(options);
  if (!flags) return kExitUsage;
  const Palette palette(flags->colored);
  const std::optional<Severity>& fail_on_flag = flags->fail_on;
  const std::vector<std::string>& listed = flags->listed;

  // Which files, under which config, against which guide: all settled before any work.
  auto plan = find_drafts({options.paths, listed, options.stdin_filename, options.config}, options.guide, shipped_guide);
  if (!plan.ok()) {
    std::cerr << "tonelint: " << report::escape_controls(plan.status().to_string()) << '\n';
    return kExitUsage;
  }
  for (const std::string& note : plan->notes) std::cerr << "tonelint: " << report::escape_controls(note) << '\n';
  for (const Status& unreachable : plan->unreachable) {
    std::cerr << "tonelint: " << report::escape_controls(unreachable.to_string()) << '\n';
  }
  const std::vector<PlannedFile>& drafts = plan->files;
  WorkspaceOptions workspace_options;
  workspace_options.guide_override = options.guide;
  workspace_options.config_override = options.config;
  workspace_options.reread_configs = false;         // each config and guide read once
  workspace_options.reload_changed_guides = false;
  workspace_options.shipped_guide = shipped_guide;
  workspace_options.guide_options.kept_guides = static_cast<std::size_t>(-1);  // every guide of the run
  const Workspace workspace(std::move(workspace_options));
  const std::map<std::string, std::string> context = options.context.to_map();
  std::vector<DocumentSetup> setups(drafts.size());
  if (!set_up_drafts(workspace, drafts, context, &setups)) return kExitUsage;
  if (auto dictionaries = workspace.dictionaries(); dictionaries.ok()) {  // a missing brand dictionary
    for (const Status& w : (*dictionaries)->warnings()) std::cerr << "tonelint: warning: " << w.to_string() << '\n';
  }
  const RunRequest run = run_request(options, *flags, context);

  const int jobs = std::max(1, std::min<int>(options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()),
                                              static_cast<int>(drafts.size())));
  // A bar on a terminal for runs of many files (not when a draft comes from stdin,
  // which may be a person typing).
  ProgressBar progress(drafts.size(), ::isatty(STDERR_FILENO) == 1 && drafts.size() >= 20 &&
                                          options.files_from != "-" &&
                                          std::none_of(drafts.begin(), drafts.end(),
                                                       [](const PlannedFile& d) { return d.path == "-"; }));
  StaleTempSweeper sweeper;
  const bool writes_files = !options.fix.empty() && !options.diff;
  if (writes_files) install_fix_interrupt_handlers();
  std::atomic<int> files_fixed{0};  // written to disk, whether reported yet or not
  std::mutex setup_error_mutex;
  Status setup_error;
  auto check_draft = [&](std::size_t i) -> std::optional<FileOutcome> {
    if (fix_interrupt_signal() != 0) return std::nullopt;  // SIGINT/SIGTERM under --fix: no new file
    Status failed_setup;
    FileOutcome outcome = check_one(workspace, options, run, drafts[i], setups[i], sweeper, &failed_setup);
    if (!failed_setup.ok()) {
      std::lock_guard<std::mutex> error_lock(setup_error_mutex);
      setup_error = failed_setup;
      return std::nullopt;
    }
    outcome.index = i;
    if (outcome.fixes > 0) ++files_fixed;
    progress.advance();
    return outcome;
  };

  int failed = 0, fixed = 0;
  std::size_t failing = 0;
  ReportOptions report_options;
  if (!setups.empty()) report_options.guide = setups.front().guide->checker->guide_ptr();
  report_options.version = TONELINT_VERSION;
  report_options.fail_on = fail_on_flag.value_or(Severity::kError);
  report_options.style = &palette;
  auto writer = ReportWriter::create(options.format, std::cout, report_options);
  if (!writer.ok()) {
    std::cerr << "tonelint: " << report::escape_controls(writer.status().to_string()) << '\n';
    return kExitUsage;
  }
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
    if (!f.error.ok() && !f.checked) {
      notes << "tonelint: " << report::escape_controls(f.error.to_string()) << '\n';
      if (f.skipped) {
        writer->add_skipped();
      } else {
        ++failed;
        writer->add_refused();
      }
      return;
    }
    if (!f.error.ok()) {  // checked, but could not write the fix
      notes << "tonelint: " << report::escape_controls(f.error.to_string()) << '\n';
      ++failed;
    }
    const CheckResult& result = f.check.result;
    // Problems that did not stop the check (a regex stopped by its time limit): on stderr,
    // whatever the format, naming the file, line and rule; the exit status is the findings'.
    for (const Status& w : result.warnings) {
      notes << "tonelint: warning: " << report::escape_controls(w.to_string()) << '\n';
    }
    if (result.dropped.total() > 0) {
      notes << "tonelint: " << report::quote_name(f.path) << ": " << result.dropped.total()
            << " more findings counted but not reported (at most " << kReportedFindingsPerFile << " a file)\n";
    }
    fixed += f.fixes;
    failing += f.check.failing;
    const PlannedFile& draft = drafts[f.index];
    ReportEntry entry;
    entry.guide = setups[f.index].guide->checker->guide_ptr();
    entry.fail_on = f.check.fail_on;
    if (draft.settings.config) {
      entry.config_path = draft.settings.config->path();
      entry.configured = draft.settings.configured;
    }
    entry.write = !(text_report && (options.diff || (f.from_stdin && !options.fix.empty())));
    if (text_report && options.diff) {
      std::cout << f.diff;
    } else if (text_report && f.from_stdin && !options.fix.empty()) {
      std::cout << f.fixed_text;  // --fix on stdin: the fixed text, as editors expect
    }
    (void)writer->add(result, entry);  // a stream failure shows at finish()
  };
  const bool reads_stdin = std::any_of(drafts.begin(), drafts.end(), [](const PlannedFile& d) { return d.path == "-"; });
  // stdin is read on this thread, in order; otherwise a few files ahead of the report per thread.
  const bool completed = run_in_order<FileOutcome>(drafts.size(), reads_stdin ? 1 : jobs,
                                                   static_cast<std::size_t>(jobs) * 2, check_draft, report_outcome);
  progress.stop();
  if (const int signal = writes_files ? fix_interrupt_signal() : 0; signal != 0) {
    // The report so far is closed, so a machine reader still gets a well-formed document.
    (void)writer->finish();
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
  const ReportSummary summary = writer->summary();
  if (Status s = writer->finish(); !s.ok()) {
    std::cerr << "tonelint: " << report::escape_controls(s.to_string()) << '\n';
    ++failed;
  }
  std::cout.flush();
  print_run_line(summary, fixed);
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
  cmd->add_option("--format", options->format, "Output format: " + report_format_list())
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
  cmd->add_flag("--diff", options->diff,
                "Print the rewrites as a unified diff instead of writing them (with --fix=all, the unsafe ones too)");
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
