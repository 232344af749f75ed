// Linting off the protocol thread. DocumentLinter turns one document snapshot into
// findings through the public Workspace API (tonelint/workspace.h), which holds what is
// expensive to make (the dictionaries, each guide and its checker) and resolves each
// document's config afresh; LintWorker runs it on its own thread, debounced, with at most
// one pending job per document: a newer version replaces the one waiting.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "tonelint/checker.h"
#include "tonelint/status.h"
#include "tonelint/tone_guide.h"
#include "tonelint/workspace.h"

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
  std::shared_ptr<const ToneGuide> guide;  // null when no guide could be loaded
  CheckResult result;                      // result.findings: at or above the config's min_level
  std::vector<DocumentProblem> problems;
  // A problem outside the document (a broken guide or config, no MeCab dictionary) for
  // window/showMessage; empty when it was already reported by the previous lint.
  std::string notice;
};

struct LinterEnvironment {
  std::function<std::string()> shipped_guide;
  std::function<Result<std::shared_ptr<const Dictionaries>>()> load_dictionaries;
  std::string guide_override;   // --guide, else the client's initializationOptions.guide
  std::string config_override;  // --config: one config for every document
  std::optional<std::string> workspace_root;
};

// The input format for an open document: its languageId when tonelint has a format of
// that name (markdown, mdx, html), else the one of its path's or URI's extension; an .mdx
// file is MDX even when the editor's languageId is markdown.
std::string document_format(std::string_view language_id, std::string_view path_or_uri);

// Byte offset and length (up to the end of the word) of an error's line:column in `text`.
DocumentProblem problem_at(std::string_view text, const Status& status, std::string code);

// Not thread-safe: one per worker thread.
class DocumentLinter {
 public:
  explicit DocumentLinter(const LinterEnvironment& env);
  LintOutcome lint(const LintJob& job);

 private:
  void notice(LintOutcome* out, std::string message);

  Workspace workspace_;
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
