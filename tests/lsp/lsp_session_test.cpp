// Drives the built `tonelint lsp` over pipes as an editor would: initialize, open a draft,
// edit it incrementally, ask for quick fixes and hovers, send garbage, shut down. Every
// read has a deadline, so a hung server fails the test instead of hanging CI.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/framing.h"
#include "lsp/uri.h"

extern char** environ;

namespace tonelint::lsp {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// Under the sanitizers (scripts/test.sh's second run) a 2 MB lint takes several times longer.
#ifdef TONELINT_SANITIZED
constexpr auto kTimeout = std::chrono::seconds(120);
#else
constexpr auto kTimeout = std::chrono::seconds(20);
#endif

// A small guide whose findings are exactly known.
constexpr const char* kGuide = R"(guide: demo
languages: [ja, en]
contexts:
  channel: [email, chat]
  situation: [general, outage]
  audience: [customer]
  emotion: [neutral, upset]
defaults: {channel: email, situation: general, audience: customer, emotion: neutral}
rules:
  - id: shouchi
    lang: ja
    kind: substitution
    level: warning
    message: "お客様には「{to}」を使います。"
    why: 「了解」は同等以下の相手に使う言葉です。
    swap: {了解しました: 承知しました}
    examples: {bad: ["ご依頼の件、了解しました。"], good: ["ご依頼の件、承知しました。"]}
  - id: inclusive
    lang: en
    kind: substitution
    level: error
    message: "Write '{to}' instead of '{match}'."
    why: Words that exclude some readers cost trust for nothing.
    swap: {guys: everyone}
    examples: {bad: ["Thanks, guys."], good: ["Thanks, everyone."]}
tones:
  - when: {emotion: upset}
    set:
      shouchi: {level: error}
)";

// Line 5: an emoji (2 UTF-16 units, 1 code point, 4 bytes) before both findings, so
// UTF-16 columns, code points and bytes all differ.
constexpr const char* kDraft = "---\ntone: {channel: chat}\n---\n# Update 🎉\n\n🎉 了解しました。Thanks, guys.\n";

class TempDir {
 public:
  TempDir() {
    path_ = fs::path(::testing::TempDir()) /
            ("tonelint_lsp_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string write(const std::string& name, const std::string& content) const {
    const fs::path p = path_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

// The server process and our ends of its stdin and stdout.
class LspClient {
 public:
  explicit LspClient(std::vector<std::string> args) {
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) {
      ADD_FAILURE() << "pipe: " << std::strerror(errno);
      return;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    args.insert(args.begin(), {TONELINT_BINARY, "lsp"});
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (::posix_spawn(&pid_, TONELINT_BINARY, &actions, nullptr, argv.data(), environ) != 0) {
      ADD_FAILURE() << "cannot start " << TONELINT_BINARY;
      pid_ = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    to_server_ = in[1];
    from_server_ = out[0];
  }

  ~LspClient() {
    if (to_server_ >= 0) ::close(to_server_);
    if (from_server_ >= 0) ::close(from_server_);
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  void send_raw(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(to_server_, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      ASSERT_GT(n, 0) << "write to the server: " << std::strerror(errno);
      done += static_cast<std::size_t>(n);
    }
  }
  void send(const json& message) { send_raw(encode_frame(message.dump())); }

  int request(const std::string& method, json params) {
    const int id = next_id_++;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    return id;
  }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  // The next message from the server, or nullopt at the deadline or end of output.
  std::optional<json> next(Clock::time_point deadline) {
    while (true) {
      for (auto f = reader_.next(); f.kind != FrameReader::Kind::kNone; f = reader_.next()) {
        if (f.kind == FrameReader::Kind::kError) {
          ADD_FAILURE() << "bad framing from the server: " << f.error;
          continue;
        }
        json message = json::parse(f.body, nullptr, false);
        if (message.is_discarded()) {
          ADD_FAILURE() << "the server sent invalid JSON: " << f.body;
          continue;
        }
        return message;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return std::nullopt;
      pollfd p{from_server_, POLLIN, 0};
      const int ready = ::poll(&p, 1, static_cast<int>(left));
      if (ready < 0 && errno == EINTR) continue;
      if (ready <= 0) return std::nullopt;
      char buffer[65536];
      const ssize_t n = ::read(from_server_, buffer, sizeof buffer);
      if (n <= 0) return std::nullopt;
      reader_.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
    }
  }

  // Reads until a message satisfies `match`; the others are kept in `seen`.
  json wait_for(const std::function<bool(const json&)>& match, const std::string& what) {
    const auto deadline = Clock::now() + kTimeout;
    while (auto m = next(deadline)) {
      if (match(*m)) return *m;
      seen.push_back(*m);
    }
    ADD_FAILURE() << "timed out waiting for " << what;
    return nullptr;
  }
  json response(int id) {
    return wait_for([id](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); },
                    "the response to request " + std::to_string(id));
  }
  json diagnostics(const std::string& uri) {
    return wait_for(
        [&](const json& m) { return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri; },
        "diagnostics of " + uri)["params"];
  }

  // The exit status, or -1 (and a failure) if the server does not exit in time.
  int wait_exit() {
    const auto deadline = Clock::now() + kTimeout;
    while (Clock::now() < deadline) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      ::usleep(10000);
    }
    ADD_FAILURE() << "the server did not exit";
    return -1;
  }

  std::vector<json> seen;

 private:
  pid_t pid_ = -1;
  bool exited_ = false;
  int to_server_ = -1;
  int from_server_ = -1;
  int next_id_ = 1;
  FrameReader reader_;
};

json position(int line, int character) { return {{"line", line}, {"character", character}}; }
json range(int l0, int c0, int l1, int c1) { return {{"start", position(l0, c0)}, {"end", position(l1, c1)}}; }

json initialize(LspClient& client, json capabilities = json::object(), json init_options = nullptr,
                std::string root_uri = "") {
  json params = {{"processId", nullptr}, {"capabilities", std::move(capabilities)}};
  if (!init_options.is_null()) params["initializationOptions"] = std::move(init_options);
  params["rootUri"] = root_uri.empty() ? json(nullptr) : json(root_uri);
  const json reply = client.response(client.request("initialize", params));
  client.notify("initialized", json::object());
  return reply;
}

void open(LspClient& client, const std::string& uri, const std::string& text, const std::string& language = "markdown") {
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", language}, {"version", 1}, {"text", text}}}});
}

void shutdown_and_exit(LspClient& client, int expected_status = 0) {
  const json reply = client.response(client.request("shutdown", nullptr));
  EXPECT_TRUE(reply.contains("result") && reply["result"].is_null()) << reply;
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), expected_status);
}

// {code, range} of each diagnostic, for exact comparison.
std::vector<std::pair<std::string, json>> findings(const json& params) {
  std::vector<std::pair<std::string, json>> out;
  for (const json& d : params["diagnostics"]) out.emplace_back(d["code"].get<std::string>(), d["range"]);
  return out;
}

TEST(LspSession, EditorSessionFromOpenToExit) {
  TempDir dir;
  const std::string guide = dir.write("demo.yaml", kGuide);
  const std::string uri = uri_of_path(dir.write("reply.md", kDraft));
  LspClient client({"--guide", guide});

  const json init = initialize(client);
  const json& caps = init["result"]["capabilities"];
  EXPECT_EQ(caps["positionEncoding"], "utf-16");  // the client offered nothing else
  EXPECT_EQ(caps["textDocumentSync"]["change"], 2);
  EXPECT_EQ(caps["textDocumentSync"]["save"]["includeText"], false);
  EXPECT_EQ(caps["hoverProvider"], true);
  EXPECT_EQ(caps["codeActionProvider"]["codeActionKinds"][0], "quickfix");

  open(client, uri, kDraft);
  json published = client.diagnostics(uri);
  EXPECT_EQ(published["version"], 1);
  // 了解しました: UTF-16 3..9 (code points 2..8, bytes 5..23); guys: UTF-16 18..22.
  EXPECT_EQ(findings(published), (std::vector<std::pair<std::string, json>>{
                                     {"demo.shouchi", range(5, 3, 5, 9)}, {"demo.inclusive", range(5, 18, 5, 22)}}));
  for (const json& d : published["diagnostics"]) {
    EXPECT_EQ(d["source"], "tonelint");
    EXPECT_EQ(d["severity"], d["code"] == "demo.inclusive" ? 1 : 2);  // error, warning
  }
  EXPECT_EQ(published["diagnostics"][1]["message"], "Write 'everyone' instead of 'guys'.");

  // Two quick edits: an emoji at the start of the line, then "。Thanks, " (UTF-16 11..20
  // where it now is) → " ". The second replaces the first's pending lint: only version 3
  // is published, for "😀🎉 了解しました guys.".
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges", json::array({{{"range", range(5, 0, 5, 0)}, {"text", "😀"}}})}});
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 3}}},
                 {"contentChanges", json::array({{{"range", range(5, 11, 5, 20)}, {"text", " "}}})}});
  published = client.diagnostics(uri);
  EXPECT_EQ(published["version"], 3);
  EXPECT_EQ(findings(published), (std::vector<std::pair<std::string, json>>{
                                     {"demo.shouchi", range(5, 5, 5, 11)}, {"demo.inclusive", range(5, 12, 5, 16)}}));
  // Then "guys" → "everyone": one problem left.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 4}}},
                 {"contentChanges", json::array({{{"range", range(5, 12, 5, 16)}, {"text", "everyone"}}})}});
  published = client.diagnostics(uri);
  EXPECT_EQ(published["version"], 4);
  EXPECT_EQ(findings(published),
            (std::vector<std::pair<std::string, json>>{{"demo.shouchi", range(5, 5, 5, 11)}}));

  // The quick fix for 了解しました, with the cursor inside it.
  json reply = client.response(client.request(
      "textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                  {"range", range(5, 7, 5, 7)},
                                  {"context", {{"diagnostics", published["diagnostics"]}}}}));
  const json& actions = reply["result"];
  ASSERT_TRUE(actions.is_array()) << reply;
  const json* quickfix = nullptr;
  const json* fix_all = nullptr;
  for (const json& a : actions) {
    if (a["kind"] == "quickfix") quickfix = &a;
    if (a["kind"] == "source.fixAll.tonelint") fix_all = &a;
  }
  ASSERT_NE(quickfix, nullptr) << reply;
  EXPECT_EQ((*quickfix)["isPreferred"], true);
  EXPECT_EQ((*quickfix)["diagnostics"][0]["code"], "demo.shouchi");
  EXPECT_EQ((*quickfix)["edit"],
            json({{"changes", {{uri, json::array({{{"range", range(5, 5, 5, 11)}, {"newText", "承知しました"}}})}}}}));
  ASSERT_NE(fix_all, nullptr) << reply;
  EXPECT_EQ((*fix_all)["edit"]["changes"][uri].size(), 1u);  // 了解しました; "guys" is gone

  // Only source actions asked for: no quick fixes.
  reply = client.response(client.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                                     {"range", range(5, 7, 5, 7)},
                                                                     {"context", {{"diagnostics", json::array()},
                                                                                  {"only", {"source"}}}}}));
  ASSERT_EQ(reply["result"].size(), 1u) << reply;
  EXPECT_EQ(reply["result"][0]["kind"], "source.fixAll.tonelint");

  // Hover over the finding: its message, the rule's why and examples.
  reply = client.response(client.request(
      "textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position(5, 8)}}));
  ASSERT_TRUE(reply["result"].is_object()) << reply;
  EXPECT_EQ(reply["result"]["contents"]["kind"], "markdown");
  const std::string hover = reply["result"]["contents"]["value"];
  EXPECT_NE(hover.find("お客様には「承知しました」を使います。"), std::string::npos) << hover;
  EXPECT_NE(hover.find("「了解」は同等以下の相手に使う言葉です。"), std::string::npos) << hover;
  EXPECT_NE(hover.find("ご依頼の件、了解しました。"), std::string::npos) << hover;
  EXPECT_NE(hover.find("demo.shouchi"), std::string::npos) << hover;
  EXPECT_EQ(reply["result"]["range"], range(5, 5, 5, 11));
  // Nowhere near a finding: nothing.
  reply = client.response(client.request(
      "textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position(3, 1)}}));
  EXPECT_TRUE(reply["result"].is_null()) << reply;

  // Garbage: a parse error, and the server goes on.
  client.send_raw("Content-Length: 9\r\n\r\n{bad json");
  reply = client.wait_for([](const json& m) { return m.contains("error") && m["id"].is_null(); }, "a parse error");
  EXPECT_EQ(reply["error"]["code"], -32700);
  client.notify("$/cancelRequest", {{"id", 99}});
  client.notify("workspace/somethingNew", json::object());
  reply = client.response(client.request("tonelint/noSuchMethod", json::object()));
  EXPECT_EQ(reply["error"]["code"], -32601);
  reply = client.response(client.request(
      "textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position(5, 8)}}));
  EXPECT_TRUE(reply["result"].is_object()) << reply;
  // Bad params of a request are the client's error, not the server's end.
  reply = client.response(client.request("textDocument/hover", {{"position", "here"}}));
  EXPECT_EQ(reply["error"]["code"], -32602);

  // Saved: linted again at once, same version.
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
  published = client.diagnostics(uri);
  EXPECT_EQ(published["version"], 4);
  // Closed: its findings are cleared.
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  published = client.diagnostics(uri);
  EXPECT_TRUE(published["diagnostics"].empty()) << published;

  // Nothing else was answered (no notification gets a reply), and version 2, superseded
  // before its lint was due, never had diagnostics.
  for (const json& m : client.seen) {
    EXPECT_TRUE(m.contains("method")) << "unexpected response: " << m;
    if (m.value("method", "") == "textDocument/publishDiagnostics") {
      EXPECT_NE(m["params"]["version"], 2) << m;
    }
  }
  shutdown_and_exit(client);
}

TEST(LspSession, StaleLintIsNeverPublished) {
  TempDir dir;
  const std::string guide = dir.write("demo.yaml", kGuide);
  const std::string uri = uri_of_path((dir.path() / "big.md").string());
  // About 2 MB: one message of that size, and a lint long enough to edit during it.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "🎉 了解しました。Thanks, guys, for waiting.\n\n";
  LspClient client({"--guide", guide});
  initialize(client, json::object(), {{"debounceMs", 0}});
  open(client, uri, text);
  json published = client.diagnostics(uri);
  EXPECT_EQ(published["diagnostics"].size(), 40000u);
  // Version 2 is being linted (no debounce) when version 3 arrives: its findings, for a
  // text the client no longer has, must not be published.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges", json::array({{{"range", range(0, 0, 0, 0)}, {"text", "了解しました。\n"}}})}});
  ::usleep(100 * 1000);
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 3}}},
                 {"contentChanges", json::array({{{"range", range(0, 0, 1, 0)}, {"text", ""}}})}});
  published = client.diagnostics(uri);
  EXPECT_EQ(published["version"], 3);
  EXPECT_EQ(published["diagnostics"].size(), 40000u);
  EXPECT_EQ(published["diagnostics"][0]["range"], range(0, 3, 0, 9));
  shutdown_and_exit(client);
}

TEST(LspSession, Utf8WhenOfferedAndVersionedEdits) {
  TempDir dir;
  const std::string guide = dir.write("demo.yaml", kGuide);
  const std::string uri = uri_of_path(dir.write("reply.txt", "🎉 了解しました。\n"));
  LspClient client({"--guide", guide});
  const json init = initialize(client, {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}},
                                        {"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  EXPECT_EQ(init["result"]["capabilities"]["positionEncoding"], "utf-8");
  open(client, uri, "🎉 了解しました。\n", "plaintext");
  json published = client.diagnostics(uri);
  EXPECT_EQ(findings(published), (std::vector<std::pair<std::string, json>>{{"demo.shouchi", range(0, 5, 0, 23)}}));
  // An incremental change in bytes: 了解 → 承知, which fixes it.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges", json::array({{{"range", range(0, 5, 0, 11)}, {"text", "承知"}}})}});
  published = client.diagnostics(uri);
  EXPECT_EQ(published["version"], 2);
  EXPECT_TRUE(published["diagnostics"].empty()) << published;
  // Back again, with a full-text change, then a versioned quick fix.
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 3}}},
                                           {"contentChanges", json::array({{{"text", "了解しました"}}})}});
  published = client.diagnostics(uri);
  EXPECT_EQ(published["version"], 3);
  ASSERT_EQ(published["diagnostics"].size(), 1u) << published;
  const json reply = client.response(client.request(
      "textDocument/codeAction",
      {{"textDocument", {{"uri", uri}}}, {"range", range(0, 0, 0, 18)}, {"context", {{"diagnostics", json::array()}}}}));
  ASSERT_FALSE(reply["result"].empty()) << reply;
  EXPECT_EQ(reply["result"][0]["edit"],
            json({{"documentChanges", json::array({{{"textDocument", {{"uri", uri}, {"version", 3}}},
                                                    {"edits", json::array({{{"range", range(0, 0, 0, 18)},
                                                                            {"newText", "承知しました"}}})}}})}}));
  shutdown_and_exit(client);
}

// An occurrence rule: one diagnostic for the message, its other marks as related places.
constexpr const char* kCountingGuide = R"(guide: count
languages: [en]
rules:
  - id: bang
    lang: any
    kind: occurrence
    level: warning
    max: 1
    message: "{count} '!' in this message, {max} at most."
    why: One mark is warm; several shout.
    regex: ["!"]
    examples: {bad: ["Done! Thanks!"], good: ["Done! Thanks."]}
)";

TEST(LspSession, RelatedInformationForClientsThatShowIt) {
  TempDir dir;
  const std::string guide = dir.write("count.yaml", kCountingGuide);
  const std::string text = "🎉 Great! Thanks! Bye!\n";  // the emoji: 2 UTF-16 units
  const std::string uri = uri_of_path(dir.write("reply.txt", text));
  {
    LspClient client({"--guide", guide});
    initialize(client, {{"textDocument", {{"publishDiagnostics", {{"relatedInformation", true}}}}}});
    open(client, uri, text, "plaintext");
    const json published = client.diagnostics(uri);
    ASSERT_EQ(findings(published), (std::vector<std::pair<std::string, json>>{{"count.bang", range(0, 16, 0, 17)}}));
    const json& d = published["diagnostics"][0];
    EXPECT_EQ(d["message"], "3 '!' in this message, 1 at most.");
    EXPECT_EQ(d["relatedInformation"],
              json::array({{{"location", {{"uri", uri}, {"range", range(0, 8, 0, 9)}}}, {"message", "'!' 1/3"}},
                           {{"location", {{"uri", uri}, {"range", range(0, 21, 0, 22)}}}, {"message", "'!' 3/3"}}}))
        << d;
    shutdown_and_exit(client);
  }
  {
    LspClient client({"--guide", guide});
    initialize(client);  // a client that does not say it shows related information gets none
    open(client, uri, text, "plaintext");
    const json published = client.diagnostics(uri);
    ASSERT_EQ(published["diagnostics"].size(), 1u) << published;
    EXPECT_FALSE(published["diagnostics"][0].contains("relatedInformation")) << published;
    shutdown_and_exit(client);
  }
}

TEST(LspSession, FrontMatterErrorIsADiagnosticWhereItIsWritten) {
  TempDir dir;
  const std::string guide = dir.write("demo.yaml", kGuide);
  const std::string uri = uri_of_path(dir.write("bad.md", ""));
  LspClient client({"--guide", guide});
  initialize(client);
  open(client, uri, "---\ntone: {emotion: upsett}\n---\n了解しました。\n");
  const json published = client.diagnostics(uri);
  ASSERT_EQ(published["diagnostics"].size(), 1u) << published;
  const json& d = published["diagnostics"][0];
  EXPECT_EQ(d["code"], "tonelint.front-matter");
  EXPECT_EQ(d["severity"], 1);
  EXPECT_EQ(d["range"], range(1, 16, 1, 22));  // "upsett"
  EXPECT_NE(d["message"].get<std::string>().find("did you mean 'upset'"), std::string::npos) << d;
  shutdown_and_exit(client);
}

// An MDX document, by its languageId or (when the editor has no MDX mode and says
// markdown) by its extension: ESM and attributes are code, JSX children prose.
TEST(LspSession, MdxDocumentsAreReadAsMdx) {
  TempDir dir;
  const std::string guide = dir.write("demo.yaml", kGuide);
  const std::string text = "export const team = 'guys'\n\n<Card title=\"guys\">\nHello guys.\n</Card>\n";
  LspClient client({"--guide", guide});
  initialize(client);
  for (const std::string language : {"mdx", "markdown"}) {
    SCOPED_TRACE(language);
    const std::string uri = uri_of_path(dir.write("page-" + language + ".mdx", text));
    open(client, uri, text, language);
    EXPECT_EQ(findings(client.diagnostics(uri)),
              (std::vector<std::pair<std::string, json>>{{"demo.inclusive", range(3, 6, 3, 10)}}));
  }
  shutdown_and_exit(client);
}

TEST(LspSession, BrokenGuideIsShownOnceAndTheServerKeepsRunning) {
  TempDir dir;
  const std::string guide = dir.write("broken.yaml", "guide: broken\nrules:\n  - id: x\n    kind: nonsense\n");
  LspClient client({"--guide", guide});
  initialize(client);
  const std::string a = uri_of_path((dir.path() / "a.md").string());
  const std::string b = uri_of_path((dir.path() / "b.md").string());
  open(client, a, "了解しました。\n");
  const json message = client.wait_for(
      [](const json& m) { return m.value("method", "") == "window/showMessage"; }, "window/showMessage");
  EXPECT_EQ(message["params"]["type"], 1);
  EXPECT_NE(message["params"]["message"].get<std::string>().find("broken.yaml"), std::string::npos) << message;
  EXPECT_TRUE(client.diagnostics(a)["diagnostics"].empty());
  open(client, b, "了解しました。\n");
  // Linted (nothing to report without a guide) and still answering; the same problem is
  // not shown again for the second draft.
  EXPECT_TRUE(client.diagnostics(b)["diagnostics"].empty());
  const json reply = client.response(client.request(
      "textDocument/hover", {{"textDocument", {{"uri", b}}}, {"position", position(0, 0)}}));
  EXPECT_TRUE(reply["result"].is_null()) << reply;
  shutdown_and_exit(client);
  int shown = 1;
  for (const json& m : client.seen) shown += m.value("method", "") == "window/showMessage";
  EXPECT_EQ(shown, 1);
}

TEST(LspSession, RepositoryConfigDecidesGuideContextExclusionAndLevel) {
  TempDir dir;
  dir.write("demo.yaml", kGuide);
  dir.write(".tonelint.yaml",
            "guide: demo.yaml\n"
            "exclude: [drafts/old/**]\n"
            "contexts:\n"
            "  - paths: [\"drafts/**\"]\n"
            "    emotion: upset\n");
  fs::create_directories(dir.path() / "drafts" / "old");
  fs::create_directories(dir.path() / "strict");
  dir.write("strict/.tonelint.yaml", "guide: ../demo.yaml\nmin_level: error\n");
  const auto uri_in = [&](const std::string& name) { return uri_of_path((dir.path() / name).string()); };
  LspClient client({"--stdio"});  // as VS Code's client starts it
  initialize(client, json::object(), {{"debounceMs", 0}}, uri_of_path(dir.path().string()));

  // The config's guide, and its context for drafts/**: upset makes 了解しました an error.
  open(client, uri_in("drafts/note.md"), "了解しました。Thanks, guys.\n");
  json published = client.diagnostics(uri_in("drafts/note.md"));
  EXPECT_EQ(findings(published), (std::vector<std::pair<std::string, json>>{
                                     {"demo.shouchi", range(0, 0, 0, 6)}, {"demo.inclusive", range(0, 15, 0, 19)}}));
  EXPECT_EQ(published["diagnostics"][0]["severity"], 1);
  // Front matter wins over the config's context.
  open(client, uri_in("drafts/calm.md"), "---\ntone: {emotion: neutral}\n---\n了解しました。\n");
  published = client.diagnostics(uri_in("drafts/calm.md"));
  ASSERT_EQ(published["diagnostics"].size(), 1u) << published;
  EXPECT_EQ(published["diagnostics"][0]["severity"], 2);
  // Excluded by the config: nothing to report.
  open(client, uri_in("drafts/old/archive.md"), "了解しました。\n");
  EXPECT_TRUE(client.diagnostics(uri_in("drafts/old/archive.md"))["diagnostics"].empty());
  // The nearest config wins; its min_level hides the warning.
  open(client, uri_in("strict/reply.md"), "了解しました。Thanks, guys.\n");
  published = client.diagnostics(uri_in("strict/reply.md"));
  EXPECT_EQ(findings(published), (std::vector<std::pair<std::string, json>>{{"demo.inclusive", range(0, 15, 0, 19)}}));
  // An unsaved buffer has no path: the workspace's config still names the guide.
  open(client, "untitled:Untitled-1", "了解しました。\n", "plaintext");
  published = client.diagnostics("untitled:Untitled-1");
  EXPECT_EQ(findings(published), (std::vector<std::pair<std::string, json>>{{"demo.shouchi", range(0, 0, 0, 6)}}));
  EXPECT_EQ(published["diagnostics"][0]["severity"], 2);
  shutdown_and_exit(client);
}

TEST(LspSession, BrokenConfigIsShownAndNotFatal) {
  TempDir dir;
  dir.write("demo.yaml", kGuide);
  dir.write(".tonelint.yaml", "guide: demo.yaml\ncontexts:\n  - paths: [\"**\"]\n    emotion: furious\n");
  LspClient client({});
  initialize(client);
  open(client, uri_of_path((dir.path() / "a.md").string()), "了解しました。\n");
  const json message = client.wait_for(
      [](const json& m) { return m.value("method", "") == "window/showMessage"; }, "window/showMessage");
  EXPECT_NE(message["params"]["message"].get<std::string>().find("furious"), std::string::npos) << message;
  shutdown_and_exit(client);
}

TEST(LspSession, ShippedGuideWhenNothingNamesOne) {
  TempDir dir;
  const std::string uri = uri_of_path((dir.path() / "note.md").string());
  LspClient client({});
  initialize(client);
  open(client, uri, "🎉 了解しました。\n");
  const json published = client.diagnostics(uri);
  bool found = false;
  for (const json& d : published["diagnostics"]) {
    if (d["code"] == "tonelint.shouchi") {
      found = true;
      EXPECT_EQ(d["range"], range(0, 3, 0, 9));
    }
  }
  EXPECT_TRUE(found) << published;
  shutdown_and_exit(client);
}

TEST(LspSession, LifecycleErrorsAndExitStatus) {
  LspClient client({});
  // Before initialize: requests are refused, notifications dropped.
  json reply = client.response(client.request("textDocument/hover", json::object()));
  EXPECT_EQ(reply["error"]["code"], -32002);
  initialize(client);
  reply = client.response(client.request("initialize", {{"capabilities", json::object()}}));
  EXPECT_EQ(reply["error"]["code"], -32600);
  // Exit without shutdown: status 1.
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), 1);
}

TEST(LspSession, RequestsAfterShutdownAreInvalid) {
  LspClient client({});
  initialize(client);
  EXPECT_TRUE(client.response(client.request("shutdown", nullptr))["result"].is_null());
  const json reply = client.response(client.request("textDocument/hover", json::object()));
  EXPECT_EQ(reply["error"]["code"], -32600);
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), 0);
}

}  // namespace
}  // namespace tonelint::lsp
