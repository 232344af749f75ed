// The language server under attack (issue 13, item 13): a message too large to lint is
// skipped as it arrives and never kept; a header block with a bad Content-Length does not
// cost the message after it; a document over the lint limit has a problem of its own.
// The FrameReader rows run in memory; the session rows drive the built `tonelint lsp`
// over pipes, every read with a deadline.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "input/source_text.h"
#include "lsp/framing.h"
#include "lsp/uri.h"

extern char** environ;

namespace tonelint::lsp {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

#ifdef TONELINT_SANITIZED
constexpr bool kSanitized = true;
constexpr auto kTimeout = std::chrono::seconds(120);
#else
constexpr bool kSanitized = false;
constexpr auto kTimeout = std::chrono::seconds(20);
#endif

std::vector<FrameReader::Frame> drain(FrameReader& reader) {
  std::vector<FrameReader::Frame> frames;
  for (auto f = reader.next(); f.kind != FrameReader::Kind::kNone; f = reader.next()) frames.push_back(std::move(f));
  return frames;
}

// ---- FrameReader -------------------------------------------------------------------------

TEST(FramingAttack, TheLimitIsWhatCanBeLintedNotHalfAGigabyte) {
  EXPECT_GE(kMaxMessageBytes, 2 * kMaxLintBytes);  // a whole lintable document, JSON-escaped
  EXPECT_LE(kMaxMessageBytes, std::size_t{64} << 20);
}

TEST(FramingAttack, BadLengthThenABodyThenTheNextHeaderOnTheSameLine) {
  // The body of unknown length ends without a newline and the next header follows it at
  // once, as clients write them: the next message must still arrive.
  FrameReader reader;
  reader.feed("Content-Length: abc\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}" +
              encode_frame(R"({"id":2})"));
  const auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].kind, FrameReader::Kind::kError);
  EXPECT_NE(frames[0].error.find("invalid Content-Length 'abc'"), std::string::npos) << frames[0].error;
  EXPECT_EQ(frames[1].kind, FrameReader::Kind::kMessage);
  EXPECT_EQ(frames[1].body, R"({"id":2})");
}

TEST(FramingAttack, ResynchronisesAcrossAnySplit) {
  const std::string stream = "content-length: -1\r\n\r\n{\"a\":\"Content-Length\"}garbage" + encode_frame("{}") +
                             encode_frame("[1]");
  for (std::size_t step : {1u, 2u, 5u, 13u, 64u}) {
    FrameReader reader;
    std::vector<FrameReader::Frame> frames;
    for (std::size_t i = 0; i < stream.size(); i += step) {
      reader.feed(std::string_view(stream).substr(i, step));
      for (auto& f : drain(reader)) frames.push_back(std::move(f));
    }
    std::vector<std::string> bodies;
    for (const auto& f : frames) {
      if (f.kind == FrameReader::Kind::kMessage) bodies.push_back(f.body);
    }
    EXPECT_EQ(bodies, (std::vector<std::string>{"{}", "[1]"})) << "fed " << step << " bytes at a time";
    EXPECT_GE(frames.size(), 3u);
    EXPECT_EQ(frames.front().kind, FrameReader::Kind::kError);
  }
}

TEST(FramingAttack, WhileResynchronisingTheBufferStaysSmall) {
  FrameReader reader;
  reader.feed("Content-Length: x\r\n\r\n");
  ASSERT_EQ(drain(reader).size(), 1u);
  for (int i = 0; i < 200; ++i) {
    reader.feed(std::string(64 * 1024, 'z'));
    EXPECT_TRUE(drain(reader).empty());
    ASSERT_LT(reader.buffered(), 128u * 1024);
  }
  reader.feed("Content-");  // a header split across reads
  reader.feed("Length: 2\r\n\r\n{}");
  const auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].body, "{}");
}

TEST(FramingAttack, OversizedBodyIsDiscardedInChunksNotKept) {
  FrameReader reader(/*max_body=*/1 << 20);
  reader.feed("Content-Length: 200000000\r\n\r\n");
  auto frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].kind, FrameReader::Kind::kError);
  EXPECT_NE(frames[0].error.find("skipped unread"), std::string::npos) << frames[0].error;
  const std::string chunk(1 << 16, 'a');
  std::size_t sent = 0;
  for (; sent + chunk.size() <= 200000000; sent += chunk.size()) {
    reader.feed(chunk);
    ASSERT_TRUE(drain(reader).empty());
    ASSERT_EQ(reader.buffered(), 0u);
  }
  reader.feed(std::string(200000000 - sent, 'a') + encode_frame("{}"));
  frames = drain(reader);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].body, "{}");
}

// ---- the server --------------------------------------------------------------------------

class Server {
 public:
  explicit Server(std::vector<std::string> args) {
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
    to_ = in[1];
    from_ = out[0];
  }
  ~Server() {
    if (to_ >= 0) ::close(to_);
    if (from_ >= 0) ::close(from_);
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Writes everything, reading what the server answers meanwhile (so neither side blocks).
  void send_raw(std::string_view bytes) {
    while (!bytes.empty()) {
      pollfd fds[2] = {{to_, POLLOUT, 0}, {from_, POLLIN, 0}};
      if (::poll(fds, 2, 1000) < 0 && errno != EINTR) break;
      if (fds[1].revents & POLLIN) pump();
      if (fds[0].revents & POLLOUT) {
        const ssize_t n = ::write(to_, bytes.data(), std::min<std::size_t>(bytes.size(), 1 << 16));
        if (n < 0 && errno == EINTR) continue;
        ASSERT_GT(n, 0) << "write to the server: " << std::strerror(errno);
        bytes.remove_prefix(static_cast<std::size_t>(n));
      }
    }
  }
  void send(const json& message) { send_raw(encode_frame(message.dump())); }

  // The first message (read or already received) that `match` takes.
  std::optional<json> wait_for(const std::function<bool(const json&)>& match) {
    const auto deadline = Clock::now() + kTimeout;
    while (true) {
      for (auto it = received_.begin(); it != received_.end(); ++it) {
        if (match(*it)) {
          json m = std::move(*it);
          received_.erase(it);
          return m;
        }
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return std::nullopt;
      pollfd p{from_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
      if (!pump()) return std::nullopt;
    }
  }
  std::optional<json> response(int id) {
    return wait_for([id](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); });
  }

  // The server's peak resident memory so far (VmHWM), in kB.
  long peak_rss_kb() const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    }
    return -1;
  }

 private:
  bool pump() {
    char buffer[65536];
    const ssize_t n = ::read(from_, buffer, sizeof buffer);
    if (n <= 0) return false;
    reader_.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
    for (auto f = reader_.next(); f.kind != FrameReader::Kind::kNone; f = reader_.next()) {
      if (f.kind == FrameReader::Kind::kMessage) received_.push_back(json::parse(f.body, nullptr, false));
    }
    return true;
  }

  pid_t pid_ = -1;
  int to_ = -1;
  int from_ = -1;
  FrameReader reader_;
  std::vector<json> received_;
};

json request(int id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

TEST(FramingAttackSession, HugeUnknownMessageIsSkippedWithoutKeepingIt) {
  Server server({});
  // 200 MB of an unknown method (under the old 512 MiB limit, over the new 64 MiB one).
  const std::size_t size = 200u << 20;
  const std::string head = R"({"jsonrpc":"2.0","id":7,"method":"x/unknown","params":{"t":")";
  const std::string tail = R"("}})";
  server.send_raw("Content-Length: " + std::to_string(size) + "\r\n\r\n" + head);
  const std::string chunk(1 << 20, 'a');
  std::size_t sent = head.size();
  while (sent + chunk.size() + tail.size() <= size) {
    server.send_raw(chunk);
    sent += chunk.size();
  }
  server.send_raw(std::string(size - sent - tail.size(), 'a') + tail);
  server.send(request(8, "x/also-unknown", json::object()));

  // The refused message: an error with a null id (its id is in the part never parsed).
  const auto refused = server.wait_for([](const json& m) { return m.contains("error") && m["id"].is_null(); });
  ASSERT_TRUE(refused.has_value());
  EXPECT_NE((*refused)["error"]["message"].get<std::string>().find("exceeds the limit"), std::string::npos) << *refused;
  // And the next request is answered.
  const auto next = server.response(8);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ((*next)["error"]["code"], -32002) << *next;  // not initialized: answered, so read and parsed
  const long peak = server.peak_rss_kb();
  // Before: the body was kept and parsed (2.5 GB for 500 MB). Now: a few 64 KiB reads.
  EXPECT_LT(peak, (kSanitized ? 400 : 80) * 1024) << "peak RSS " << peak << " kB";
  std::cout << "[ measured ] 200 MB message: server peak RSS " << peak / 1024 << " MB\n";
}

TEST(FramingAttackSession, RequestAfterABadContentLengthIsAnswered) {
  Server server({});
  server.send_raw("Content-Length: abc\r\n\r\n" + request(1, "x/one", json::object()).dump() +
                  encode_frame(request(2, "x/two", json::object()).dump()));
  const auto answer = server.response(2);
  ASSERT_TRUE(answer.has_value()) << "request 2 was not answered";
  EXPECT_TRUE(answer->contains("error")) << *answer;
}

TEST(FramingAttackSession, DocumentOverTheLintLimitHasItsOwnCodeAndACleanMessage) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("tonelint_lsp_attack_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string guide = (dir / "guide.yaml").string();
  std::ofstream(guide) << "guide: demo\nlanguages: [en]\nrules:\n  - id: plain\n    lang: en\n    kind: substitution\n"
                          "    level: warning\n    message: \"Write '{to}'.\"\n    swap: {utilize: use}\n";
  Server server({"--guide", guide});
  server.send(request(1, "initialize", {{"processId", nullptr}, {"capabilities", json::object()}, {"rootUri", nullptr}}));
  ASSERT_TRUE(server.response(1).has_value());
  server.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  const std::string uri = uri_of_path((dir / "big.txt").string());
  std::string text;
  while (text.size() <= kMaxLintBytes) text += "Please utilize the form.\n";
  server.send({{"jsonrpc", "2.0"},
               {"method", "textDocument/didOpen"},
               {"params", {{"textDocument", {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}}}});
  const auto published = server.wait_for([&](const json& m) {
    return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
  });
  fs::remove_all(dir);
  ASSERT_TRUE(published.has_value());
  const json& diagnostics = (*published)["params"]["diagnostics"];
  ASSERT_EQ(diagnostics.size(), 1u) << diagnostics;
  EXPECT_EQ(diagnostics[0]["code"], "tonelint.too-large");
  EXPECT_EQ(diagnostics[0]["message"], "this document is " + std::to_string(text.size()) +
                                           " bytes, over the limit of 16 MiB (16777216 bytes) that tonelint checks; "
                                           "it is not checked");
}

}  // namespace
}  // namespace tonelint::lsp
