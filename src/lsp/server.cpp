#include "lsp/server.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

#include "lsp/framing.h"
#include "lsp/json_rpc.h"
#include "lsp/lint_worker.h"
#include "lsp/text_document.h"
#include "lsp/uri.h"
#include "tonelint/rule_info.h"

namespace tonelint::lsp {
namespace {

constexpr std::chrono::milliseconds kDefaultDebounce{250};
constexpr std::chrono::milliseconds kMaxDebounce{10000};
constexpr const char* kFixAllKind = "source.fixAll.tonelint";

void log(std::string_view message) { std::cerr << "tonelint lsp: " << message << '\n'; }

// --- reading params without exceptions -------------------------------------------------

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::optional<std::string> string_member(const json& object, const char* key) {
  const json* m = member(object, key);
  if (m == nullptr || !m->is_string()) return std::nullopt;
  return m->get<std::string>();
}

std::optional<std::int64_t> int_member(const json& object, const char* key) {
  const json* m = member(object, key);
  if (m == nullptr || !m->is_number_integer()) return std::nullopt;
  return m->get<std::int64_t>();
}

bool bool_member(const json& object, const char* key) {
  const json* m = member(object, key);
  return m != nullptr && m->is_boolean() && m->get<bool>();
}

// obj.a.b.c, or null when any step is missing.
const json* path_member(const json& object, std::initializer_list<const char*> keys) {
  const json* at = &object;
  for (const char* key : keys) {
    at = member(*at, key);
    if (at == nullptr) return nullptr;
  }
  return at;
}

std::optional<LspPosition> position_from(const json* value) {
  if (value == nullptr) return std::nullopt;
  const auto line = int_member(*value, "line");
  const auto character = int_member(*value, "character");
  if (!line || !character || *line < 0 || *character < 0 || *line > UINT32_MAX || *character > UINT32_MAX) {
    return std::nullopt;
  }
  return LspPosition{static_cast<std::uint32_t>(*line), static_cast<std::uint32_t>(*character)};
}

std::optional<LspRange> range_from(const json* value) {
  if (value == nullptr) return std::nullopt;
  const auto start = position_from(member(*value, "start"));
  const auto end = position_from(member(*value, "end"));
  if (!start || !end) return std::nullopt;
  return LspRange{*start, *end};
}

json position_json(LspPosition p) { return {{"line", p.line}, {"character", p.character}}; }
json range_json(const LspRange& r) { return {{"start", position_json(r.start)}, {"end", position_json(r.end)}}; }

// error → Error, warning → Warning, suggestion → Information: a suggestion is a rewrite
// the writer should see in the problem list, which editors hide for Hints.
int severity_of(Severity level) {
  switch (level) {
    case Severity::kError: return 1;
    case Severity::kWarning: return 2;
    case Severity::kSuggestion: return 3;
  }
  return 2;
}

// Markdown punctuation escaped, so a guide's example text renders as written.
std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (std::strchr("\\`*_[]<>|~#", c) != nullptr && c != '\0') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// --- the writer thread ------------------------------------------------------------------

class OutputChannel {
 public:
  explicit OutputChannel(int fd) : fd_(fd), thread_([this] { run(); }) {}
  ~OutputChannel() { close(); }
  OutputChannel(const OutputChannel&) = delete;
  OutputChannel& operator=(const OutputChannel&) = delete;

  void send(const json& message) {
    std::string frame = encode_frame(serialize(message));
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (closing_) return;
      queue_.push_back(std::move(frame));
    }
    ready_.notify_one();
  }

  // Writes what is queued, then stops the thread.
  void close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    ready_.notify_one();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      ready_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing, and everything is written
      std::string frame = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      write_all(frame);
      lock.lock();
    }
  }

  void write_all(std::string_view bytes) {
    if (broken_) return;
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        log(std::string("cannot write to the client: ") + std::strerror(errno));
        broken_ = true;  // the client is gone; the protocol thread sees end of input
        return;
      }
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  int fd_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::string> queue_;
  bool closing_ = false;
  bool broken_ = false;  // touched only by thread_
  std::thread thread_;
};

// --- the server -------------------------------------------------------------------------

using Reply = std::variant<json, RpcFailure>;

RpcFailure invalid_params(std::string message) { return RpcFailure{RpcError::kInvalidParams, std::move(message), nullptr}; }

class Server {
 public:
  Server(int out_fd, ServerOptions options) : out_(out_fd), options_(std::move(options)) {}
  ~Server() { finish(); }

  // Handles one message body.
  void handle(std::string_view body);
  // A framing problem: answered like unparseable JSON, since the message is lost.
  void framing_error(const std::string& what) {
    log("bad message framing: " + what);
    out_.send(make_error(nullptr, RpcError::kParseError, "Parse error: " + what));
  }

  bool exited() const { return exited_; }
  int exit_code() const { return shut_down_ ? 0 : 1; }

  // Stops linting and writes what is queued.
  void finish() {
    if (worker_) worker_->stop();
    out_.close();
  }

 private:
  struct OpenDocument {
    std::string language_id;
    std::int64_t version = 0;
    std::optional<std::string> path;
    std::unique_ptr<TextDocument> text;
    std::optional<LintOutcome> published;  // the findings the client was last sent
  };

  void dispatch(const Incoming& message);
  Reply request(const Incoming& message);
  void notification(const Incoming& message);

  json initialize(const json& params);
  void did_open(const json& params);
  void did_change(const json& params);
  void did_save(const json& params);
  void did_close(const json& params);
  Reply code_action(const json& params);
  Reply hover(const json& params);

  // Both called with mutex_ held.
  void schedule_lint(const std::string& uri, const OpenDocument& doc, std::chrono::milliseconds delay);
  json diagnostic_json(const std::string& uri, const OpenDocument& doc, const Finding& d) const;
  json workspace_edit(const std::string& uri, const OpenDocument& doc, json edits) const;
  // Findings for the document's current text, or null while a lint is due.
  static const LintOutcome* current_findings(const OpenDocument& doc) {
    return doc.published && doc.published->version == doc.version ? &*doc.published : nullptr;
  }

  void publish(LintOutcome outcome);  // on the worker thread

  OutputChannel out_;  // first member: destroyed last
  ServerOptions options_;
  bool initialized_ = false;
  bool shut_down_ = false;
  bool exited_ = false;
  PositionEncoding encoding_ = PositionEncoding::kUtf16;
  std::chrono::milliseconds debounce_ = kDefaultDebounce;
  bool document_changes_ = false;  // the client takes versioned WorkspaceEdits
  bool hover_markdown_ = true;
  bool related_information_ = false;  // the client shows a diagnostic's other places

  std::mutex mutex_;  // guards documents_: the protocol thread and the worker both use it
  std::map<std::string, OpenDocument> documents_;
  std::unique_ptr<LintWorker> worker_;  // last member: stopped before what it uses goes
};

void Server::handle(std::string_view body) {
  auto parsed = parse_message(body);
  if (auto* failure = std::get_if<RpcFailure>(&parsed)) {
    log(failure->message);
    out_.send(make_error(failure->id, failure->code, failure->message));
    return;
  }
  const Incoming& message = std::get<Incoming>(parsed);
  try {
    dispatch(message);
  } catch (const std::exception& e) {
    // A bug or an allocation failure must not take the editor's server down with it.
    log(std::string("internal error in ") + message.method + ": " + e.what());
    if (message.kind == Incoming::Kind::kRequest) {
      out_.send(make_error(message.id, RpcError::kInternalError, std::string("Internal error: ") + e.what()));
    }
  }
}

void Server::dispatch(const Incoming& message) {
  switch (message.kind) {
    case Incoming::Kind::kResponse: return;  // we send no requests; nothing waits for it
    case Incoming::Kind::kNotification: return notification(message);
    case Incoming::Kind::kRequest: {
      Reply reply = request(message);
      if (auto* failure = std::get_if<RpcFailure>(&reply)) {
        out_.send(make_error(message.id, failure->code, failure->message));
      } else {
        out_.send(make_response(message.id, std::move(std::get<json>(reply))));
      }
      return;
    }
  }
}

Reply Server::request(const Incoming& message) {
  const std::string& method = message.method;
  if (method == "initialize") {
    if (initialized_) return RpcFailure{RpcError::kInvalidRequest, "initialize was already received", nullptr};
    return initialize(message.params);
  }
  if (!initialized_) return RpcFailure{RpcError::kServerNotInitialized, "the server is not initialized", nullptr};
  if (shut_down_) return RpcFailure{RpcError::kInvalidRequest, "the server is shut down", nullptr};
  if (method == "shutdown") {
    shut_down_ = true;
    if (worker_) worker_->stop();  // nothing more is published
    return json(nullptr);
  }
  if (method == "textDocument/codeAction") return code_action(message.params);
  if (method == "textDocument/hover") return hover(message.params);
  return RpcFailure{RpcError::kMethodNotFound, "Method not found: " + method, nullptr};
}

void Server::notification(const Incoming& message) {
  const std::string& method = message.method;
  if (method == "exit") {
    exited_ = true;
    return;
  }
  // Before initialize, and after shutdown, notifications are dropped (LSP).
  if (!initialized_ || shut_down_) return;
  if (method == "textDocument/didOpen") return did_open(message.params);
  if (method == "textDocument/didChange") return did_change(message.params);
  if (method == "textDocument/didSave") return did_save(message.params);
  if (method == "textDocument/didClose") return did_close(message.params);
  // initialized, $/cancelRequest (every request is answered at once), $/setTrace,
  // workspace/didChangeConfiguration and the rest: nothing to do.
}

json Server::initialize(const json& params) {
  initialized_ = true;
  // Position encoding: UTF-8 when the client offers it (tonelint's own offsets, no
  // conversion on either side), else LSP's mandatory UTF-16.
  if (const json* offered = path_member(params, {"capabilities", "general", "positionEncodings"});
      offered != nullptr && offered->is_array()) {
    for (const json& e : *offered) {
      if (e == "utf-8") encoding_ = PositionEncoding::kUtf8;
    }
  }
  if (const json* d = path_member(params, {"capabilities", "workspace", "workspaceEdit"})) {
    document_changes_ = bool_member(*d, "documentChanges");
  }
  if (const json* d = path_member(params, {"capabilities", "textDocument", "publishDiagnostics"})) {
    related_information_ = bool_member(*d, "relatedInformation");
  }
  if (const json* formats = path_member(params, {"capabilities", "textDocument", "hover", "contentFormat"});
      formats != nullptr && formats->is_array()) {
    hover_markdown_ = std::find(formats->begin(), formats->end(), json("markdown")) != formats->end();
  }

  std::optional<std::string> root;
  if (const json* folders = member(params, "workspaceFolders"); folders != nullptr && folders->is_array() &&
                                                                 !folders->empty()) {
    if (auto uri = string_member(folders->front(), "uri")) root = path_of_uri(*uri);
  }
  if (!root) {
    if (auto uri = string_member(params, "rootUri")) root = path_of_uri(*uri);
  }
  if (!root) root = string_member(params, "rootPath");

  const json* init = member(params, "initializationOptions");
  std::string guide = options_.guide;
  if (guide.empty() && init != nullptr) {
    if (auto from_client = string_member(*init, "guide"); from_client && !from_client->empty()) {
      guide = *from_client;
      // A relative guide is the workspace's, as it would be in its .tonelint.yaml.
      if (root && std::filesystem::path(guide).is_relative()) guide = (std::filesystem::path(*root) / guide).string();
    }
  }
  if (init != nullptr) {
    if (auto ms = int_member(*init, "debounceMs")) {
      debounce_ = std::clamp(std::chrono::milliseconds(*ms), std::chrono::milliseconds(0), kMaxDebounce);
    }
  }
  worker_ = std::make_unique<LintWorker>(
      LinterEnvironment{options_.shipped_guide, options_.load_dictionaries, guide, options_.config, root},
      [this](LintOutcome outcome) { publish(std::move(outcome)); });

  json capabilities = {
      {"positionEncoding", encoding_name(encoding_)},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix", kFixAllKind}}, {"resolveProvider", false}}},
      {"hoverProvider", true},
  };
  return {{"capabilities", std::move(capabilities)}, {"serverInfo", {{"name", "tonelint"}, {"version", options_.version}}}};
}

void Server::schedule_lint(const std::string& uri, const OpenDocument& doc, std::chrono::milliseconds delay) {
  worker_->schedule(
      LintJob{uri, doc.version, doc.language_id, doc.path, std::make_shared<const std::string>(doc.text->text())},
      delay);
}

void Server::did_open(const json& params) {
  const json* item = member(params, "textDocument");
  const auto uri = item ? string_member(*item, "uri") : std::nullopt;
  const auto text = item ? string_member(*item, "text") : std::nullopt;
  if (!uri || !text) return log("didOpen without textDocument.uri and text: ignored");
  OpenDocument doc;
  doc.language_id = string_member(*item, "languageId").value_or("");
  doc.version = int_member(*item, "version").value_or(0);
  doc.path = path_of_uri(*uri);
  doc.text = std::make_unique<TextDocument>(*text);
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, added] = documents_.insert_or_assign(*uri, std::move(doc));
  schedule_lint(*uri, it->second, std::chrono::milliseconds(0));
}

void Server::did_change(const json& params) {
  const json* id = member(params, "textDocument");
  const auto uri = id ? string_member(*id, "uri") : std::nullopt;
  const json* changes = member(params, "contentChanges");
  if (!uri || changes == nullptr || !changes->is_array()) {
    return log("didChange without textDocument.uri and contentChanges: ignored");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = documents_.find(*uri);
  if (it == documents_.end()) return log("didChange for a document that is not open: " + *uri);
  OpenDocument& doc = it->second;
  for (const json& change : *changes) {
    const auto text = string_member(change, "text");
    if (!text) {
      log("didChange: a change without text; the document may be out of sync: " + *uri);
      continue;
    }
    std::optional<LspRange> range;
    if (const json* r = member(change, "range"); r != nullptr && !r->is_null()) {
      range = range_from(r);
      if (!range) {
        log("didChange: a malformed range; the document may be out of sync: " + *uri);
        continue;
      }
    }
    if (Status s = doc.text->apply_change(range, *text, encoding_); !s.ok()) {
      log("didChange: " + s.message() + "; the document may be out of sync: " + *uri);
    }
  }
  // Without a version the edit still counts: a new version supersedes the pending lint.
  doc.version = int_member(*id, "version").value_or(doc.version + 1);
  schedule_lint(*uri, doc, debounce_);
}

void Server::did_save(const json& params) {
  const json* id = member(params, "textDocument");
  const auto uri = id ? string_member(*id, "uri") : std::nullopt;
  if (!uri) return log("didSave without textDocument.uri: ignored");
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = documents_.find(*uri);
  if (it == documents_.end()) return;
  // Saved: lint now, without waiting for the pause in typing (and pick up guide edits).
  schedule_lint(*uri, it->second, std::chrono::milliseconds(0));
}

void Server::did_close(const json& params) {
  const json* id = member(params, "textDocument");
  const auto uri = id ? string_member(*id, "uri") : std::nullopt;
  if (!uri) return log("didClose without textDocument.uri: ignored");
  std::lock_guard<std::mutex> lock(mutex_);
  worker_->cancel(*uri);
  if (documents_.erase(*uri) == 0) return;
  // Findings of a closed document would linger in the problem list.
  out_.send(make_notification("textDocument/publishDiagnostics", {{"uri", *uri}, {"diagnostics", json::array()}}));
}

json Server::diagnostic_json(const std::string& uri, const OpenDocument& doc, const Finding& d) const {
  json out = {{"range", range_json(doc.text->range_of(d.offset, d.length, encoding_))},
              {"severity", severity_of(d.level)},
              {"code", d.rule},
              {"source", "tonelint"},
              {"message", d.message}};
  if (related_information_ && !d.related.empty()) {
    // The other occurrences an occurrence rule counted, as places in the same document.
    json related = json::array();
    for (const RelatedLocation& r : d.related) {
      related.push_back({{"location", {{"uri", uri}, {"range", range_json(doc.text->range_of(r.offset, r.length, encoding_))}}},
                         {"message", r.message}});
    }
    out["relatedInformation"] = std::move(related);
  }
  return out;
}

void Server::publish(LintOutcome outcome) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!outcome.notice.empty()) {
    out_.send(make_notification("window/showMessage", {{"type", 1}, {"message", "tonelint: " + outcome.notice}}));
  }
  auto it = documents_.find(outcome.uri);
  // Closed, or edited since this lint started: a lint of the newer text is due instead.
  if (it == documents_.end() || it->second.version != outcome.version) return;
  OpenDocument& doc = it->second;
  json diagnostics = json::array();
  for (const Finding& d : outcome.result.findings) diagnostics.push_back(diagnostic_json(outcome.uri, doc, d));
  for (const DocumentProblem& p : outcome.problems) {
    diagnostics.push_back({{"range", range_json(doc.text->range_of(p.offset, p.length, encoding_))},
                           {"severity", 1},
                           {"code", p.code},
                           {"source", "tonelint"},
                           {"message", p.message}});
  }
  out_.send(make_notification("textDocument/publishDiagnostics",
                              {{"uri", outcome.uri}, {"version", outcome.version}, {"diagnostics", std::move(diagnostics)}}));
  doc.published = std::move(outcome);
}

json Server::workspace_edit(const std::string& uri, const OpenDocument& doc, json edits) const {
  if (document_changes_) {
    // Versioned: the client refuses the edit if the text changed since it was computed.
    return {{"documentChanges",
             json::array({{{"textDocument", {{"uri", uri}, {"version", doc.version}}}, {"edits", std::move(edits)}}})}};
  }
  return {{"changes", {{uri, std::move(edits)}}}};
}

Reply Server::code_action(const json& params) {
  const json* id = member(params, "textDocument");
  const auto uri = id ? string_member(*id, "uri") : std::nullopt;
  const auto range = range_from(member(params, "range"));
  if (!uri || !range) return invalid_params("codeAction needs textDocument.uri and range");
  // context.only limits the kinds asked for; "source" asks for source.fixAll.tonelint too.
  std::vector<std::string> only;
  if (const json* o = path_member(params, {"context", "only"}); o != nullptr && o->is_array()) {
    for (const json& kind : *o) {
      if (kind.is_string()) only.push_back(kind.get<std::string>());
    }
  }
  auto wanted = [&](std::string_view kind) {
    if (only.empty()) return true;
    return std::any_of(only.begin(), only.end(), [&](const std::string& o) {
      return kind == o || (kind.size() > o.size() && kind.substr(0, o.size()) == o && kind[o.size()] == '.');
    });
  };

  json actions = json::array();
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = documents_.find(*uri);
  if (it == documents_.end()) return actions;
  const OpenDocument& doc = it->second;
  const LintOutcome* findings = current_findings(doc);
  if (findings == nullptr) return actions;  // being re-linted: offsets would not match the text
  const std::string& text = doc.text->text();
  auto text_edit = [&](const Rewrite& s) {
    return json{{"range", range_json(doc.text->range_of(s.offset, s.length, encoding_))}, {"newText", s.text}};
  };

  if (wanted("quickfix")) {
    const std::uint32_t from = doc.text->offset_of(range->start, encoding_);
    const std::uint32_t to = doc.text->offset_of(range->end, encoding_);
    for (const Finding& d : findings->result.findings) {
      if (d.offset > to || d.offset + d.length < from) continue;  // touches the range, or contains the cursor
      for (std::size_t i = 0; i < d.suggestions.size(); ++i) {
        const Rewrite& s = d.suggestions[i];
        if (s.offset + s.length > text.size()) continue;
        const std::string replaced = text.substr(s.offset, s.length);
        std::string title = replaced.empty() ? "Insert \"" + s.text + "\""
                            : s.text.empty() ? "Delete \"" + replaced + "\""
                                             : "Replace \"" + replaced + "\" with \"" + s.text + "\"";
        json action = {{"title", title + " (" + d.rule + ")"},
                       {"kind", "quickfix"},
                       {"diagnostics", json::array({diagnostic_json(*uri, doc, d)})},
                       {"edit", workspace_edit(*uri, doc, json::array({text_edit(s)}))}};
        // The rule's first rewrite, when --fix would apply it, is the one to take.
        if (i == 0 && s.safe) action["isPreferred"] = true;
        actions.push_back(std::move(action));
      }
    }
  }
  if (wanted(kFixAllKind)) {
    const std::vector<Rewrite> safe = select_rewrites(findings->result, FixMode::kSafe);
    if (!safe.empty()) {
      json edits = json::array();
      for (const Rewrite& s : safe) edits.push_back(text_edit(s));
      actions.push_back({{"title", "Apply the safe tonelint rewrites in this file (" + std::to_string(safe.size()) + ")"},
                         {"kind", kFixAllKind},
                         {"edit", workspace_edit(*uri, doc, std::move(edits))}});
    }
  }
  return actions;
}

Reply Server::hover(const json& params) {
  const json* id = member(params, "textDocument");
  const auto uri = id ? string_member(*id, "uri") : std::nullopt;
  const auto position = position_from(member(params, "position"));
  if (!uri || !position) return invalid_params("hover needs textDocument.uri and position");
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = documents_.find(*uri);
  if (it == documents_.end()) return json(nullptr);
  const OpenDocument& doc = it->second;
  const LintOutcome* findings = current_findings(doc);
  if (findings == nullptr) return json(nullptr);
  const std::uint32_t at = doc.text->offset_of(*position, encoding_);

  const bool md = hover_markdown_;
  auto text = [&](std::string_view s) { return md ? markdown_escape(s) : std::string(s); };
  std::string value;
  std::optional<LspRange> range;
  for (const Finding& d : findings->result.findings) {
    const bool over = d.length == 0 ? at == d.offset : (at >= d.offset && at < d.offset + d.length);
    if (!over) continue;
    if (!range) range = doc.text->range_of(d.offset, d.length, encoding_);
    if (!value.empty()) value += md ? "\n\n---\n\n" : "\n\n";
    // As `tonelint explain` shows a rule: what it says, why, and its examples.
    value += md ? "**" + text(d.message) + "**\n\n`" + d.rule + "` · " + severity_name(d.level)
                : d.message + "\n" + d.rule + " (" + severity_name(d.level) + ")";
    const std::optional<RuleDescription> rule =
        findings->guide ? describe_rule(*findings->guide, d.rule) : std::nullopt;
    if (rule && !rule->why.empty()) value += (md ? "\n\n*Why:* " : "\n\nWhy: ") + text(rule->why);
    if (!d.suggestions.empty()) {
      value += (md ? "\n\n*Rewrite:* " : "\n\nRewrite: ") + text(d.match) + " → " + text(d.suggestions.front().text);
    }
    if (rule && (!rule->bad_examples.empty() || !rule->good_examples.empty())) {
      value += md ? "\n\n*Examples:*" : "\n\nExamples:";
      for (const std::string& e : rule->bad_examples) value += "\n- ✗ " + text(e);
      for (const std::string& e : rule->good_examples) value += "\n- ✓ " + text(e);
    }
  }
  if (value.empty()) return json(nullptr);
  return json{{"contents", {{"kind", md ? "markdown" : "plaintext"}, {"value", value}}}, {"range", range_json(*range)}};
}

}  // namespace

int run_server(int in_fd, int out_fd, const ServerOptions& options) {
  Server server(out_fd, options);
  FrameReader reader;
  std::string buffer(1 << 16, '\0');
  while (!server.exited()) {
    const ssize_t n = ::read(in_fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) log(std::string("cannot read from the client: ") + std::strerror(errno));
    if (n <= 0) break;  // the client is gone
    reader.feed(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    for (FrameReader::Frame frame = reader.next(); frame.kind != FrameReader::Kind::kNone && !server.exited();
         frame = reader.next()) {
      if (frame.kind == FrameReader::Kind::kError) {
        server.framing_error(frame.error);
      } else {
        server.handle(frame.body);
      }
    }
  }
  if (!server.exited()) log("end of input without an exit notification");
  server.finish();
  return server.exit_code();
}

}  // namespace tonelint::lsp
