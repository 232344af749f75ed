#include "lsp/lint_worker.h"

#include <iostream>

#include "input/line_index.h"
#include "input/source_text.h"
#include "input/utf8.h"

namespace tonelint::lsp {
namespace {

WorkspaceOptions workspace_options(const LinterEnvironment& env) {
  WorkspaceOptions options;
  options.guide_override = env.guide_override;
  options.config_override = env.config_override;
  options.root = env.workspace_root.value_or("");
  // Configs and guides are read afresh: an edited .tonelint.yaml or guide counts from the next lint.
  options.reread_configs = true;
  options.reload_changed_guides = true;
  options.load_dictionaries = env.load_dictionaries;
  options.shipped_guide = env.shipped_guide;
  return options;
}

// Why a guide is not used, for window/showMessage.
std::string guide_notice(const LoadedGuide& guide) {
  const std::vector<Status>& errors = guide.guide_errors;
  if (errors.empty()) return guide.status.to_string();
  std::string message = "the tone guide has " + std::to_string(errors.size()) +
                        (errors.size() == 1 ? " error" : " errors") + ", so nothing is checked: " +
                        errors.front().to_string();
  if (errors.size() > 1) message += " (and " + std::to_string(errors.size() - 1) + " more)";
  return message;
}

}  // namespace

std::string document_format(std::string_view language_id, std::string_view path_or_uri) {
  if (language_id == "plaintext") return "text";
  std::string by_path = format_for_path(path_or_uri);
  // An editor without an MDX mode calls an .mdx file markdown; read as Markdown, its code
  // would be checked (and fixed) as prose.
  if (by_path == "mdx" && language_id == "markdown") return by_path;
  if (std::string by_language = canonical_format(language_id); !by_language.empty()) return by_language;
  return by_path;
}

DocumentProblem problem_at(std::string_view text, const Status& status, std::string code) {
  DocumentProblem problem;
  problem.code = std::move(code);
  problem.message = status.message();
  const Location& where = status.location();
  if (where.line == 0) return problem;  // the whole document: its start
  // Lines and columns (code points) as SourceText counts them: line 1 starts after a BOM.
  const LineIndex lines(text, text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  const std::string_view line = lines.line_text(where.line);
  std::size_t at = 0;
  for (std::uint32_t column = 1; column < where.column && at < line.size(); ++column) next_code_point(line, &at);
  std::size_t end = at;
  // The word there (a context value, a key): visible, and no wider than the problem.
  while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != ',' && line[end] != '}' &&
         line[end] != ']') {
    ++end;
  }
  problem.offset = lines.line_start(where.line) + static_cast<std::uint32_t>(at);
  problem.length = static_cast<std::uint32_t>(end - at);
  return problem;
}

DocumentLinter::DocumentLinter(const LinterEnvironment& env) : workspace_(workspace_options(env)) {}

void DocumentLinter::notice(LintOutcome* out, std::string message) {
  if (message == last_notice_) return;  // not again on every keystroke
  std::cerr << "tonelint lsp: " << message << '\n';
  last_notice_ = message;
  out->notice = std::move(message);
}

LintOutcome DocumentLinter::lint(const LintJob& job) {
  LintOutcome out;
  out.uri = job.uri;
  out.version = job.version;
  const DocumentSetup setup = workspace_.setup_for(job.path);
  switch (setup.failure) {
    case CheckFailure::kNone: break;
    case CheckFailure::kDictionaries:
      notice(&out, "cannot load the MeCab dictionary: " + setup.error.to_string());
      return out;
    case CheckFailure::kGuide:
      notice(&out, guide_notice(*setup.guide));
      return out;
    default:
      notice(&out, setup.error.to_string());
      return out;
  }
  last_notice_.clear();
  if (setup.settings.excluded) return out;  // as `tonelint check` skips it: no findings
  const std::string name = job.path.value_or(job.uri);
  if (job.text->size() > kMaxLintBytes) {
    // Refused before it is copied or analysed, under a code of its own.
    DocumentProblem problem;
    problem.code = "tonelint.too-large";
    problem.message = "this document is " + std::to_string(job.text->size()) + " bytes, over the limit of " +
                      describe_limit(kMaxLintBytes) + " that tonelint checks; it is not checked";
    out.problems.push_back(std::move(problem));
    return out;
  }
  CheckRequest request;
  request.options.filename = name;
  request.options.format = document_format(job.language_id, name);
  DocumentCheck checked = workspace_.check(setup, *job.text, request);
  if (checked.failure == CheckFailure::kInput) {
    out.problems.push_back(problem_at(*job.text, checked.error, "tonelint.input"));
    return out;
  }
  out.guide = setup.guide->checker->guide_ptr();
  if (checked.failure != CheckFailure::kNone) {
    // Broken front matter or an unknown context value: shown where it is written.
    out.problems.push_back(problem_at(*job.text, checked.error, "tonelint.front-matter"));
    return out;
  }
  out.result = std::move(checked.result);
  return out;
}

LintWorker::LintWorker(LinterEnvironment env, Done done)
    : done_(std::move(done)), linter_(env), thread_([this] { run(); }) {}

LintWorker::~LintWorker() { stop(); }

void LintWorker::schedule(LintJob job, std::chrono::milliseconds delay) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    std::string uri = job.uri;
    pending_.insert_or_assign(std::move(uri), Pending{std::move(job), std::chrono::steady_clock::now() + delay});
  }
  wake_.notify_one();
}

void LintWorker::cancel(const std::string& uri) {
  std::lock_guard<std::mutex> lock(mutex_);
  pending_.erase(uri);
}

void LintWorker::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    pending_.clear();
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void LintWorker::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    if (pending_.empty()) {
      wake_.wait(lock);
      continue;
    }
    auto next = pending_.begin();
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      if (it->second.due < next->second.due) next = it;
    }
    if (next->second.due > std::chrono::steady_clock::now()) {
      wake_.wait_until(lock, next->second.due);  // a newer change may push it back meanwhile
      continue;
    }
    LintJob job = std::move(next->second.job);
    pending_.erase(next);
    lock.unlock();
    LintOutcome outcome = linter_.lint(job);
    done_(std::move(outcome));
    lock.lock();
  }
}

}  // namespace tonelint::lsp
