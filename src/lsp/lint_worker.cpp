#include "lsp/lint_worker.h"

#include <iostream>

#include "load/guide_loader.h"
#include "input/source_text.h"
#include "input/utf8.h"
#include "report/report.h"

namespace tonelint::lsp {

const Extractor& extractor_for_document(std::string_view language_id, std::string_view path_or_uri) {
  if (language_id == "plaintext") return *extractor_for_format("text");
  if (const Extractor* by_language = extractor_for_format(language_id)) return *by_language;
  return extractor_for_path(path_or_uri);
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

void DocumentLinter::notice(LintOutcome* out, std::string message) {
  if (message == last_notice_) return;  // not again on every keystroke
  std::cerr << "tonelint lsp: " << message << '\n';
  last_notice_ = message;
  out->notice = std::move(message);
}

DocumentLinter::GuideState* DocumentLinter::guide_state(const std::string& path) {
  std::error_code ec;
  const auto mtime = std::filesystem::last_write_time(path, ec);
  auto it = guides_.find(path);
  if (it != guides_.end() && !ec && it->second.mtime == mtime) return &it->second;
  // New, or edited since it was loaded: (re)load, and compile its rules afresh.
  GuideState state;
  state.mtime = mtime;
  GuideLoad load = load_guide_file(path);
  if (load.ok()) {
    auto session = LintSession::create(load.guide, model_);
    if (session.ok()) {
      state.guide = load.guide;
      state.session = std::move(*session);
    } else {
      state.error = session.status().to_string();
    }
  } else if (load.errors.empty()) {
    state.error = path + ": the tone guide could not be loaded";
  } else {
    state.error = "the tone guide has " + std::to_string(load.errors.size()) +
                  (load.errors.size() == 1 ? " error" : " errors") + ", so nothing is checked: " +
                  load.errors.front().to_string();
    if (load.errors.size() > 1) state.error += " (and " + std::to_string(load.errors.size() - 1) + " more)";
  }
  auto [entry, added] = guides_.insert_or_assign(path, std::move(state));
  return &entry->second;
}

LintOutcome DocumentLinter::lint(const LintJob& job) {
  LintOutcome out;
  out.uri = job.uri;
  out.version = job.version;
  if (!model_ && model_error_.empty()) {  // loaded once, on first use, for every guide
    auto model = env_.load_model();
    if (model.ok()) {
      model_ = *model;
    } else {
      model_error_ = model.status().to_string();
    }
  }
  if (!model_) {
    notice(&out, "cannot load the MeCab dictionary: " + model_error_);
    return out;
  }
  const DocumentConfig config = resolve_document_config(
      {env_.guide_override, env_.config_override, job.path, env_.workspace_root}, env_.shipped_guide);
  if (!config.error.empty()) {
    notice(&out, config.error);
    return out;
  }
  GuideState* guide = guide_state(config.guide_path);
  if (!guide->session) {
    notice(&out, guide->error);
    return out;
  }
  // A config whose contexts name values the guide lacks is broken for every draft it governs.
  if (config.config) {
    if (Status s = config.config->check_against(*guide->guide); !s.ok()) {
      notice(&out, s.to_string());
      return out;
    }
  }
  last_notice_.clear();
  if (config.excluded) return out;  // as `tonelint check` skips it: no findings
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
  auto source = load_source_bytes(*job.text, name);
  if (!source.ok()) {
    out.problems.push_back(problem_at(*job.text, source.status(), "tonelint.input"));
    return out;
  }
  auto report = guide->session->lint(**source, extractor_for_document(job.language_id, name), /*flags=*/{},
                                     config.context);
  out.guide = guide->guide;
  if (!report.ok()) {
    // Broken front matter or an unknown context value: shown where it is written.
    out.problems.push_back(problem_at(*job.text, report.status(), "tonelint.front-matter"));
    return out;
  }
  out.diagnostics = std::move(report->result.diagnostics);
  if (config.min_level) {
    std::erase_if(out.diagnostics, [&](const Diagnostic& d) { return !report::at_or_above(d.level, *config.min_level); });
  }
  return out;
}

LintWorker::LintWorker(LinterEnvironment env, Done done)
    : done_(std::move(done)), linter_(std::move(env)), thread_([this] { run(); }) {}

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
