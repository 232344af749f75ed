// Linting off the protocol thread. DocumentLinter turns one document snapshot into
// findings, holding what is expensive to make (the MeCab model, each guide, one
// LintSession per guide); LintWorker runs it on its own thread, debounced, with at most one
// pending job per document: a newer version replaces the one waiting.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/diagnostic.h"
#include "lint/session.h"
#include "extract/extractor.h"
#include "lsp/document_config.h"
#include "tokenize/mecab_model.h"

namespace tonelint::lsp {

struct LintJob {
  std::string uri;
  std::int64_t version = 0;
  std::string language_id;
  std::optional<std::string> path;  // none for an unsaved buffer
  std::shared_ptr<const std::string> text;
};

// A problem with the document itself (broken front matter, an unknown context value),
// reported as a diagnostic where it is.
struct DocumentProblem {
  std::string code;
  std::string message;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

struct LintOutcome {
  std::string uri;
  std::int64_t version = 0;
  std::shared_ptr<const Guide> guide;  // null when no guide could be loaded
  std::vector<Diagnostic> diagnostics;
  std::vector<DocumentProblem> problems;
  // A problem outside the document (a broken guide or config, no MeCab dictionary) for
  // window/showMessage; empty when it was already reported by the previous lint.
  std::string notice;
};

struct LinterEnvironment {
  std::function<std::string()> shipped_guide;
  std::function<Result<std::shared_ptr<MecabModel>>()> load_model;
  std::string guide_override;
  std::string config_override;
  std::optional<std::string> workspace_root;
};

// The extractor for an open document: its languageId when tonelint has an extractor of
// that name (markdown, html once there is one), else the extension of its path or URI.
const Extractor& extractor_for_document(std::string_view language_id, std::string_view path_or_uri);

// Byte offset and length (up to the end of the word) of an error's line:column in `text`.
DocumentProblem problem_at(std::string_view text, const Status& status, std::string code);

// Not thread-safe: one per worker thread.
class DocumentLinter {
 public:
  explicit DocumentLinter(LinterEnvironment env) : env_(std::move(env)) {}
  LintOutcome lint(const LintJob& job);

 private:
  struct GuideState {
    std::filesystem::file_time_type mtime;
    std::shared_ptr<const Guide> guide;  // null when it failed to load
    std::string error;
    std::unique_ptr<LintSession> session;
  };
  // The guide at `path`, reloaded when the file changed; null with `*error` when broken.
  GuideState* guide_state(const std::string& path);
  void notice(LintOutcome* out, std::string message);

  LinterEnvironment env_;
  std::shared_ptr<MecabModel> model_;
  std::string model_error_;
  std::map<std::string, GuideState> guides_;
  std::string last_notice_;  // shown once, not on every keystroke
};

class LintWorker {
 public:
  using Done = std::function<void(LintOutcome)>;
  // Starts the thread; `done` is called on it with each outcome.
  LintWorker(LinterEnvironment env, Done done);
  ~LintWorker();
  LintWorker(const LintWorker&) = delete;
  LintWorker& operator=(const LintWorker&) = delete;

  // Lints `job` after `delay` unless a newer job for the same document replaces it first.
  void schedule(LintJob job, std::chrono::milliseconds delay);
  // Drops the pending job of a document (closed).
  void cancel(const std::string& uri);
  // Drops pending jobs and waits for the running one. Idempotent.
  void stop();

 private:
  void run();

  struct Pending {
    LintJob job;
    std::chrono::steady_clock::time_point due;
  };
  std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, Pending> pending_;
  bool stopping_ = false;
  Done done_;
  DocumentLinter linter_;  // touched only by thread_
  std::thread thread_;
};

}  // namespace tonelint::lsp
