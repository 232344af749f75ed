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
#include <thread>

#include <nlohmann/json.hpp>
#include <signal.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "config/draft_finder.h"
#include "engine/session.h"
#include "fix/fix_loop.h"
#include "fix/fixer.h"
#include "fix/interrupt.h"
#include "input/source_text.h"
#include "input/utf8.h"
#include "report/json_report.h"
#include "report/report.h"

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
};

// Findings less severe than `min_level` are dropped before anything reads them, --fix included.
Result<FileReport> lint_at_level(LintSession& session, const SourceText& source, const Extractor& extractor,
                                 const Context& flags, const Context& configured, Level min_level) {
  auto report = session.lint(source, extractor, flags, configured);
  if (report.ok() && min_level != Level::kSuggestion) {
    std::erase_if(report->result.diagnostics,
                  [&](const Diagnostic& d) { return !report::at_or_above(d.level, min_level); });
  }
  return report;
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
  auto report = lint_at_level(session, *outcome.source, extractor, flags, configured, min_level);
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
    return lint_at_level(session, text, extractor, flags, configured, min_level);
  });
  std::unique_ptr<SourceText>& current = fixed.source;
  const int fixes = fixed.applied;
  FileReport& current_report = fixed.report;
  if (!current) return outcome;  // nothing to change
  if (options.diff) {
    outcome.diff = unified_diff(outcome.path, outcome.source->bytes(), current->bytes());
    return outcome;
  }
  if (!from_stdin) {
    for (const std::string& stale : sweeper.sweep_folder_of(path)) {
      std::cerr << "tonelint: removed " + stale + ", a temporary file left by an interrupted run\n";
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

void print_text(const FileOutcome& f, const Palette& paint) {
  const SourceText& src = *f.source;
  for (const Diagnostic& d : f.report.result.diagnostics) {
    const Position p = src.position(d.offset);
    std::cout << paint.bold(f.path + ':' + std::to_string(p.line) + ':' + std::to_string(p.column) + ":") << ' '
              << paint.level(d.level, std::string(level_name(d.level)) + ":") << ' ' << d.message << ' '
              << paint.dim("[" + d.rule + "]") << '\n';
    const std::string_view line = src.lines().line_text(p.line);
    const std::uint32_t line_start = src.lines().line_start(p.line);
    const std::string number = std::to_string(p.line);
    const std::string gutter = paint.dim(std::string(number.size(), ' ') + " |");
    std::cout << "  " << paint.dim(number + " |") << ' ' << line << '\n'
              << "  " << gutter << ' '
              << paint.marker(d.level, marker_line(line, d.offset - line_start, d.offset + d.length - line_start)) << '\n';
    if (!d.suggestions.empty()) {
      std::cout << "  " << std::string(number.size(), ' ') << " = " << (d.suggestions.front().safe ? "fix" : "suggestion")
                << ": \"" << paint.removed(d.match) << "\" → \"" << paint.added(d.suggestions.front().text) << "\"\n";
    }
  }
  if (!f.report.result.diagnostics.empty()) {
    std::cout << paint.bold(f.path + ":") << " tone score " << f.report.result.score << "/100";
    for (const auto& [category, score] : f.report.result.category_scores) {
      if (score < 100) std::cout << " · " << category << ' ' << score;
    }
    std::cout << '\n';
  }
}

nlohmann::json file_json(const FileOutcome& f) {
  report::JsonFile file;
  file.path = f.path;
  file.source = f.source.get();
  file.report = &f.report;
  file.fixes = f.fixes;
  if (f.plan != nullptr && f.plan->config) {
    file.config_path = f.plan->config->path().string();
    file.config_patterns = &f.plan->context.matched;
  }
  return report::file_json(file);
}

using ReportWriter = void (*)(std::ostream&, const report::ReportInput&);

// The writer of a machine-readable report format; null for text and json (written here).
ReportWriter report_writer(const std::string& format) {
  if (format == "sarif") return report::write_sarif;
  if (format == "github") return report::write_github;
  if (format == "rdjsonl") return report::write_rdjsonl;
  if (format == "checkstyle") return report::write_checkstyle;
  if (format == "junit") return report::write_junit;
  return nullptr;
}

// Paths listed in `from` (a file, or "-" for stdin), one a line; blank lines are skipped.
bool read_path_list(const std::string& from, std::vector<std::string>* paths) {
  std::ifstream file;
  if (from != "-") {
    file.open(from, std::ios::binary);
    if (!file) {
      std::cerr << "tonelint check: --files-from: cannot read '" << from << "'\n";
      return false;
    }
  }
  std::istream& in = from == "-" ? std::cin : file;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    paths->push_back(line);
  }
  if (in.bad()) {
    std::cerr << "tonelint check: --files-from: error reading '" << from << "'\n";
    return false;
  }
  return true;
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
    if (added) it->second = load_guide_or_report(path);
    if (!it->second) return nullptr;
    if (draft.config && checked_.insert({draft.config.get(), it->second.get()}).second) {
      if (Status s = draft.config->check_against(*it->second); !s.ok()) {
        std::cerr << "tonelint: " << s.to_string() << '\n';
        return nullptr;
      }
    }
    return it->second;
  }

 private:
  std::string requested_;
  std::map<std::string, std::shared_ptr<const Guide>> guides_;
  std::set<std::pair<const RepoConfig*, const Guide*>> checked_;
};

int run_check(CheckOptions options) {
  std::ios::sync_with_stdio(false);
  const ReportWriter writer = report_writer(options.format);
  if (options.format != "text" && options.format != "json" && writer == nullptr) {
    std::cerr << "tonelint check: unknown --format '" << options.format
              << "' (expected text, json, sarif, github, rdjsonl, checkstyle or junit)\n";
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
    if (!read_path_list(options.files_from, &listed)) return kExitUsage;
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
    std::cerr << "tonelint: " << plan.status().to_string() << '\n';
    return kExitUsage;
  }
  for (const std::string& note : plan->notes) std::cerr << "tonelint: " << note << '\n';
  const std::vector<PlannedDraft>& drafts = plan->drafts;
  GuideSet guides(options.guide);
  std::vector<std::shared_ptr<const Guide>> draft_guides;
  draft_guides.reserve(drafts.size());
  for (const PlannedDraft& draft : drafts) {
    auto guide = guides.for_draft(draft);
    if (!guide) return kExitUsage;
    if (auto checked = complete_context(*guide, options.context.to_context()); !checked.ok()) {
      std::cerr << "tonelint: " << checked.status().message() << '\n';
      return kExitUsage;
    }
    draft_guides.push_back(std::move(guide));
  }
  std::shared_ptr<const MecabModel> model = load_model_or_report();
  if (!model) return kExitUsage;

  // Flags win over the config; the config over the defaults (report all, fail on errors).
  auto level_for = [](const std::optional<Level>& flag, const PlannedDraft& d,
                      const std::optional<Level>& (RepoConfig::*setting)() const, Level fallback) {
    if (flag) return *flag;
    if (d.config && ((*d.config).*setting)()) return *((*d.config).*setting)();
    return fallback;
  };
  std::vector<FileOutcome> outcomes(drafts.size());
  const int jobs = std::max(1, std::min<int>(options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()),
                                              static_cast<int>(drafts.size())));
  // A bar on a terminal for runs of many files (not when a draft comes from stdin,
  // which may be a person typing).
  ProgressBar progress(drafts.size(), ::isatty(STDERR_FILENO) == 1 && drafts.size() >= 20 &&
                                          options.files_from != "-" &&
                                          std::none_of(drafts.begin(), drafts.end(),
                                                       [](const PlannedDraft& d) { return d.path == "-"; }));
  std::atomic<std::size_t> next{0};
  StaleTempSweeper sweeper;
  const bool writes_files = !options.fix.empty() && !options.diff;
  if (writes_files) install_fix_interrupt_handlers();
  std::mutex setup_error_mutex;
  Status setup_error;
  auto worker = [&] {
    std::map<const Guide*, std::unique_ptr<LintSession>> sessions;  // one per guide, made on first use
    for (std::size_t i = next++; i < drafts.size(); i = next++) {
      if (fix_interrupt_signal() != 0) return;  // SIGINT/SIGTERM under --fix: no new file
      const std::shared_ptr<const Guide>& guide = draft_guides[i];
      auto& session = sessions[guide.get()];
      if (!session) {
        auto created = LintSession::create(guide, model);
        if (!created.ok()) {
          std::lock_guard<std::mutex> lock(setup_error_mutex);
          setup_error = created.status();
          return;
        }
        session = std::move(*created);
      }
      const Level min_level = level_for(min_level_flag, drafts[i], &RepoConfig::min_level, Level::kSuggestion);
      outcomes[i] = check_one(*session, options, drafts[i], min_level, sweeper);
      progress.advance();
      outcomes[i].guide = guide.get();
      outcomes[i].fail_on = level_for(fail_on_flag, drafts[i], &RepoConfig::fail_on, Level::kError);
    }
  };
  const bool reads_stdin = std::any_of(drafts.begin(), drafts.end(), [](const PlannedDraft& d) { return d.path == "-"; });
  if (jobs == 1 || reads_stdin) {
    worker();  // stdin is read on this thread, in order
  } else {
    std::vector<std::thread> threads;
    for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
  }
  progress.stop();
  if (const int signal = writes_files ? fix_interrupt_signal() : 0; signal != 0) {
    const auto written = std::count_if(outcomes.begin(), outcomes.end(), [](const FileOutcome& f) { return f.fixes > 0; });
    std::cerr << "tonelint: interrupted by " << (signal == SIGINT ? "SIGINT" : "SIGTERM") << "; " << written << " file"
              << (written == 1 ? "" : "s") << " fixed before it, the others left as they were\n";
    return exit_status_after_signal(signal);
  }
  if (!setup_error.ok()) {
    std::cerr << "tonelint: " << setup_error.to_string() << '\n';
    return kExitUsage;
  }

  int failed = 0, fixed = 0, failing = 0;
  report::JsonSummary summary;  // counts and score, for the JSON report and the stderr line
  report::ReportInput report_input;
  report_input.guide = draft_guides.empty() ? nullptr : draft_guides.front().get();
  report_input.version = TONELINT_VERSION;
  report_input.fail_on = fail_on_flag.value_or(Level::kError);
  nlohmann::json json_files = nlohmann::json::array();
  for (const FileOutcome& f : outcomes) {
    if (!f.error.ok() && !f.source) {
      std::cerr << "tonelint: " << f.error.to_string() << '\n';
      if (!f.skipped) ++failed;
      continue;
    }
    if (!f.error.ok()) {  // checked, but could not write the fix
      std::cerr << "tonelint: " << f.error.to_string() << '\n';
      ++failed;
    }
    // Problems that did not stop the check (a regex stopped by its time limit): on stderr,
    // whatever the format, naming the file, line and rule; the exit status is the findings'.
    for (const Status& w : f.report.result.warnings) std::cerr << "tonelint: warning: " << w.to_string() << '\n';
    fixed += f.fixes;
    summary.add(f.report);
    for (const Diagnostic& d : f.report.result.diagnostics) {
      if (report::at_or_above(d.level, f.fail_on)) ++failing;
    }
    if (options.format == "json") {
      json_files.push_back(file_json(f));
    } else if (writer != nullptr) {
      report_input.files.push_back({f.path, f.source.get(), &f.report, f.guide, f.fail_on});
    } else if (options.diff) {
      std::cout << f.diff;
    } else if (f.from_stdin && !options.fix.empty()) {
      std::cout << f.source->bytes();  // --fix on stdin: the fixed text, as editors expect
    } else {
      print_text(f, palette);
    }
  }
  if (options.format == "json") {
    nlohmann::json out;
    out["files"] = std::move(json_files);
    out["summary"] = summary.to_json(outcomes.size());
    std::cout << out.dump() << '\n';
  } else if (writer != nullptr) {
    writer(std::cout, report_input);
  }
  std::cout.flush();
  const int errors = summary.errors(), warnings = summary.warnings(), suggestions = summary.suggestions();
  std::cerr << "tonelint: " << outcomes.size() << " file" << (outcomes.size() == 1 ? "" : "s") << ", " << errors
            << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning" << (warnings == 1 ? "" : "s") << ", "
            << suggestions << " suggestion" << (suggestions == 1 ? "" : "s");
  if (fixed > 0) std::cerr << ", " << fixed << " fixed";
  std::cerr << ", tone score " << summary.score() << '\n';
  if (failed > 0) return kExitUsage;
  return failing > 0 ? kExitFindings : kExitOk;
}

}  // namespace

std::function<int()> add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Check drafts against a tone guide in their context");
  cmd->add_option("--config", options->config, "Repository config (default: the nearest .tonelint.yaml)");
  cmd->add_option("--guide", options->guide, "Tone guide (YAML); default: .tonelint.yaml's, else the shipped one");
  options->context.add_to(*cmd);
  cmd->add_option("--format", options->format, "Output format: text, json, sarif, github, rdjsonl, checkstyle or junit")
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
