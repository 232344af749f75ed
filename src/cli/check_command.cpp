// `tonelint check`: lint drafts against a tone guide in their context; report, fix or diff.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>

#include "cli/commands.h"
#include "engine/session.h"
#include "fix/fixer.h"
#include "input/source_text.h"
#include "input/utf8.h"
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
  std::string fail_on = "error";  // the least severe level that makes the exit status 1
  std::string files_from;         // a list of paths, one a line; "-": stdin
  std::vector<std::string> paths;
};

constexpr int kMaxFixPasses = 5;

struct FileOutcome {
  std::string path;
  bool from_stdin = false;
  Status error;             // the file could not be checked
  bool skipped = false;     // binary
  std::unique_ptr<SourceText> source;  // as checked (after fixes)
  FileReport report;
  std::string diff;
  int fixes = 0;
};

bool is_draft(const fs::path& p) {
  static const std::vector<std::string> kExtensions = {".md", ".markdown", ".mdx", ".mdown", ".mkd", ".txt", ".text", ".html", ".htm", ".xhtml", ".eml"};
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

// Files named on the command line, with directories expanded to the drafts inside them.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (it->is_directory() && !name.empty() && name[0] == '.') {
          it.disable_recursion_pending();  // .git and friends
          continue;
        }
        if (it->is_regular_file() && is_draft(it->path())) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

FileOutcome check_one(LintSession& session, const CheckOptions& options, const std::string& path) {
  FileOutcome outcome;
  const bool from_stdin = path == "-";
  outcome.from_stdin = from_stdin;
  outcome.path = from_stdin ? (options.stdin_filename.empty() ? "<stdin>" : options.stdin_filename) : path;
  auto loaded = from_stdin ? load_source_stream(std::cin, outcome.path) : load_source_file(path);
  if (!loaded.ok()) {
    outcome.skipped = loaded.status().code() == ErrorCode::kBinary;
    outcome.error = loaded.status();
    return outcome;
  }
  const Extractor& extractor = extractor_for_path(outcome.path);
  const Context flags = options.context.to_context();
  outcome.source = std::move(*loaded);
  auto report = session.lint(*outcome.source, extractor, flags);
  if (!report.ok()) {
    outcome.error = report.status();
    return outcome;
  }
  outcome.report = std::move(*report);
  if (options.fix.empty() && !options.diff) return outcome;

  // Apply, re-check, repeat: a fix can reveal or unblock another (bounded passes). The file
  // as read stays in `outcome` for --diff, which writes nothing and so reports it as it is.
  const bool all = options.fix == "all";
  std::unique_ptr<SourceText> current;
  FileReport current_report = outcome.report;
  int fixes = 0;
  for (int pass = 0; pass < kMaxFixPasses; ++pass) {
    const SourceText& text = current ? *current : *outcome.source;
    int applied = 0;
    std::string updated = apply_suggestions(text.bytes(), current_report.result.diagnostics, all, &applied);
    if (applied == 0 || updated == text.bytes()) break;
    auto next = load_source_bytes(std::move(updated), outcome.path);
    if (!next.ok()) break;  // a rewrite never makes invalid UTF-8, but never write one either
    auto next_report = session.lint(**next, extractor, flags);
    if (!next_report.ok()) break;
    fixes += applied;
    current = std::move(*next);
    current_report = std::move(*next_report);
  }
  if (!current) return outcome;  // nothing to change
  if (options.diff) {
    outcome.diff = unified_diff(outcome.path, outcome.source->bytes(), current->bytes());
    return outcome;
  }
  if (!from_stdin) {
    if (Status s = write_if_unchanged(path, outcome.source->bytes(), current->bytes()); !s.ok()) {
      outcome.error = s;  // the file keeps its content, and its findings are what is reported
      return outcome;
    }
  }
  outcome.fixes = fixes;
  outcome.source = std::move(current);
  outcome.report = std::move(current_report);
  return outcome;
}

// Terminal columns of `text`: East Asian wide and full-width characters take two.
std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<UChar32>(next_code_point(text, &i));
    const auto eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    if (u_getCombiningClass(c) != 0 || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)) continue;  // zero width
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

// Spaces up to the span (tabs kept, so the marker lines up), then one ^ per column.
std::string marker_line(std::string_view line, std::size_t start_byte, std::size_t end_byte) {
  std::string out;
  for (std::size_t i = 0; i < start_byte && i < line.size();) {
    const std::size_t at = i;
    next_code_point(line, &i);
    out.append(line[at] == '\t' ? "\t" : std::string(display_width(line.substr(at, i - at)), ' '));
  }
  const std::size_t end = std::min(end_byte, line.size());
  out.append(std::max<std::size_t>(display_width(line.substr(std::min(start_byte, end), end - std::min(start_byte, end))), 1), '^');
  return out;
}

void print_text(const FileOutcome& f) {
  const SourceText& src = *f.source;
  for (const Diagnostic& d : f.report.result.diagnostics) {
    const Position p = src.position(d.offset);
    std::cout << f.path << ':' << p.line << ':' << p.column << ": " << level_name(d.level) << ": " << d.message << " ["
              << d.rule << "]\n";
    const std::string_view line = src.lines().line_text(p.line);
    const std::uint32_t line_start = src.lines().line_start(p.line);
    const std::string number = std::to_string(p.line);
    std::cout << "  " << number << " | " << line << '\n'
              << "  " << std::string(number.size(), ' ') << " | "
              << marker_line(line, d.offset - line_start, d.offset + d.length - line_start) << '\n';
    if (!d.suggestions.empty()) {
      std::cout << "  " << std::string(number.size(), ' ') << " = " << (d.suggestions.front().safe ? "fix" : "suggestion")
                << ": \"" << d.match << "\" → \"" << d.suggestions.front().text << "\"\n";
    }
  }
  if (!f.report.result.diagnostics.empty()) {
    std::cout << f.path << ": tone score " << f.report.result.score << "/100";
    for (const auto& [category, score] : f.report.result.category_scores) {
      if (score < 100) std::cout << " · " << category << ' ' << score;
    }
    std::cout << '\n';
  }
}

nlohmann::json file_json(const FileOutcome& f) {
  nlohmann::json j;
  j["path"] = f.path;
  nlohmann::json ctx = nlohmann::json::object(), sources = nlohmann::json::object();
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    ctx[kDimensionNames[d]] = f.report.context.values[d];
    sources[kDimensionNames[d]] = context_source_name(f.report.context_sources[d]);
  }
  j["context"] = ctx;
  j["context_source"] = sources;
  j["score"] = f.report.result.score;
  j["scores"] = f.report.result.category_scores;
  j["sentences"] = f.report.result.sentences;
  nlohmann::json list = nlohmann::json::array();
  const SourceText& src = *f.source;
  for (const Diagnostic& d : f.report.result.diagnostics) {
    const Position p = src.position(d.offset);
    const Position e = src.position(d.offset + d.length);
    nlohmann::json dj;
    dj["rule"] = d.rule;
    dj["level"] = level_name(d.level);
    dj["message"] = d.message;
    dj["line"] = p.line;
    dj["column"] = p.column;
    dj["end_line"] = e.line;
    dj["end_column"] = e.column;
    dj["offset"] = d.offset;
    dj["length"] = d.length;
    dj["match"] = d.match;
    nlohmann::json suggestions = nlohmann::json::array();
    for (const Suggestion& s : d.suggestions) {
      suggestions.push_back({{"text", s.text}, {"offset", s.offset}, {"length", s.length}, {"safe", s.safe}});
    }
    dj["suggestions"] = suggestions;
    dj["origin"] = d.origin;
    list.push_back(std::move(dj));
  }
  j["diagnostics"] = std::move(list);
  if (f.fixes > 0) j["fixed"] = f.fixes;
  return j;
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

int run_check(CheckOptions options) {
  std::ios::sync_with_stdio(false);
  const ReportWriter writer = report_writer(options.format);
  if (options.format != "text" && options.format != "json" && writer == nullptr) {
    std::cerr << "tonelint check: unknown --format '" << options.format
              << "' (expected text, json, sarif, github, rdjsonl, checkstyle or junit)\n";
    return kExitUsage;
  }
  Level fail_on = Level::kError;
  if (options.fail_on == "warning") {
    fail_on = Level::kWarning;
  } else if (options.fail_on == "suggestion") {
    fail_on = Level::kSuggestion;
  } else if (options.fail_on != "error") {
    std::cerr << "tonelint check: unknown --fail-on '" << options.fail_on << "' (expected error, warning or suggestion)\n";
    return kExitUsage;
  }
  if (!options.files_from.empty()) {
    if (options.files_from == "-" && std::count(options.paths.begin(), options.paths.end(), "-") > 0) {
      std::cerr << "tonelint check: --files-from - reads the list of paths from stdin, so stdin cannot also be a draft "
                   "('-' among the paths)\n";
      return kExitUsage;
    }
    if (!read_path_list(options.files_from, &options.paths)) return kExitUsage;
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
  auto guide = resolve_guide_or_report(options.guide, options.config, options.paths);
  if (!guide) return kExitUsage;
  if (auto checked = complete_context(*guide, options.context.to_context()); !checked.ok()) {
    std::cerr << "tonelint: " << checked.status().message() << '\n';
    return kExitUsage;
  }
  std::shared_ptr<const MecabModel> model = load_model_or_report();
  if (!model) return kExitUsage;

  const std::vector<std::string> files = expand_paths(options.paths);
  std::vector<FileOutcome> outcomes(files.size());
  const int jobs = std::max(1, std::min<int>(options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()),
                                              static_cast<int>(files.size())));
  std::atomic<std::size_t> next{0};
  std::mutex setup_error_mutex;
  Status setup_error;
  auto worker = [&] {
    auto session = LintSession::create(guide, model);
    if (!session.ok()) {
      std::lock_guard<std::mutex> lock(setup_error_mutex);
      setup_error = session.status();
      return;
    }
    for (std::size_t i = next++; i < files.size(); i = next++) outcomes[i] = check_one(**session, options, files[i]);
  };
  if (jobs == 1 || std::count(files.begin(), files.end(), "-") > 0) {
    worker();  // stdin is read on this thread, in order
  } else {
    std::vector<std::thread> threads;
    for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
  }
  if (!setup_error.ok()) {
    std::cerr << "tonelint: " << setup_error.to_string() << '\n';
    return kExitUsage;
  }

  int errors = 0, warnings = 0, suggestions = 0, failed = 0, fixed = 0, failing = 0;
  report::ReportInput report_input;
  report_input.guide = guide.get();
  report_input.version = TONELINT_VERSION;
  report_input.fail_on = fail_on;
  double total_penalty = 0;
  std::size_t total_words = 0;
  std::map<std::string, double> category_penalties;
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
    fixed += f.fixes;
    total_penalty += f.report.result.penalty;
    total_words += f.report.result.words;
    for (const auto& [category, penalty] : f.report.result.category_penalties) category_penalties[category] += penalty;
    for (const Diagnostic& d : f.report.result.diagnostics) {
      (d.level == Level::kError ? errors : d.level == Level::kWarning ? warnings : suggestions) += 1;
      if (report::at_or_above(d.level, fail_on)) ++failing;
    }
    if (options.format == "json") {
      json_files.push_back(file_json(f));
    } else if (writer != nullptr) {
      report_input.files.push_back({f.path, f.source.get(), &f.report});
    } else if (options.diff) {
      std::cout << f.diff;
    } else if (f.from_stdin && !options.fix.empty()) {
      std::cout << f.source->bytes();  // --fix on stdin: the fixed text, as editors expect
    } else {
      print_text(f);
    }
  }
  if (options.format == "json") {
    nlohmann::json out;
    out["files"] = std::move(json_files);
    out["summary"] = {{"files", outcomes.size()},   {"errors", errors},
                      {"warnings", warnings},       {"suggestions", suggestions},
                      {"score", tone_score(total_penalty, total_words)}};
    nlohmann::json scores = nlohmann::json::object();
    for (const auto& [category, penalty] : category_penalties) scores[category] = tone_score(penalty, total_words);
    out["summary"]["scores"] = std::move(scores);
    std::cout << out.dump() << '\n';
  } else if (writer != nullptr) {
    writer(std::cout, report_input);
  }
  std::cout.flush();
  std::cerr << "tonelint: " << outcomes.size() << " file" << (outcomes.size() == 1 ? "" : "s") << ", " << errors
            << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning" << (warnings == 1 ? "" : "s") << ", "
            << suggestions << " suggestion" << (suggestions == 1 ? "" : "s");
  if (fixed > 0) std::cerr << ", " << fixed << " fixed";
  std::cerr << ", tone score " << tone_score(total_penalty, total_words) << '\n';
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
  cmd->add_option("--fail-on", options->fail_on, "Exit 1 on findings at or above this level: error, warning or suggestion")
      ->capture_default_str();
  cmd->add_option("--fix", options->fix, "Apply safe rewrites (--fix) or all rewrites (--fix=all)")
      ->expected(0, 1)
      ->default_str("safe");
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
