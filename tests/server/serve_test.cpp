// `tonelint serve` as a user runs it: the real binary on a loopback port it picks. The
// endpoints, several guides, the malformed-request battery (each followed by a good request),
// reload while requests run, and a graceful stop with a request in flight.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "serve_support.h"
#include "test_support.h"

namespace tonelint::testing {
namespace {

const std::string kShippedGuide = std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml";

std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "serve_test_" + std::to_string(::getpid()) + "_" + name;
}

// A one-rule guide: its id, and the level and message of its rule, say which version it is.
std::string tiny_guide(const std::string& id, const std::string& level, const std::string& message) {
  return "guide: " + id +
         "\nlanguages: [en]\ncontexts:\n  channel: [email, chat]\n  situation: [general]\n  audience: [customer]\n"
         "  emotion: [neutral, upset]\ndefaults: {channel: email, situation: general, audience: customer, emotion: neutral}\n"
         "rules:\n  - id: widget\n    lang: en\n    kind: existence\n    level: " +
         level + "\n    message: \"" + message + "\"\n    words: [widget]\n";
}

// Replaced whole (write beside, rename over), as editors and deploy tools do.
void replace_file(const std::string& path, const std::string& content) {
  write_file(path + ".tmp", content);
  std::filesystem::rename(path + ".tmp", path);
}

nlohmann::json parse(const std::string& body) { return nlohmann::json::parse(body, nullptr, false); }

TEST(Serve, EndpointsAnswerWithTheDesignJson) {
  const std::string tiny = temp_path("tiny.yaml");
  write_file(tiny, tiny_guide("tiny", "warning", "No widgets."));
  ServeProcess server({"--guide", kShippedGuide, "--guide", tiny});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  auto client = server.client();

  auto check = client.Post("/v1/check",
                           R"({"text": "了解しました！", "context": {"channel": "chat", "emotion": "upset"}})",
                           "application/json");
  ASSERT_TRUE(check);
  ASSERT_EQ(check->status, 200) << check->body;
  EXPECT_EQ(check->get_header_value("X-Tonelint-Guide"), "tonelint");
  auto j = parse(check->body);
  ASSERT_TRUE(j.is_object());
  const auto& file = j["files"][0];
  EXPECT_EQ(file["path"], "<text>");
  EXPECT_EQ(file["context"]["channel"], "chat");
  EXPECT_EQ(file["context_source"]["emotion"], "flag");
  std::set<std::string> rules;
  for (const auto& d : file["diagnostics"]) rules.insert(d["rule"].get<std::string>());
  EXPECT_TRUE(rules.count("tonelint.shouchi")) << check->body;
  EXPECT_TRUE(rules.count("tonelint.exclamation")) << check->body;
  EXPECT_GE(j["summary"]["errors"].get<int>(), 1);

  // The second guide, by id.
  auto other = client.Post("/v1/check", R"({"text": "A widget.", "guide": "tiny"})", "application/json");
  ASSERT_TRUE(other);
  ASSERT_EQ(other->status, 200) << other->body;
  EXPECT_EQ(parse(other->body)["files"][0]["diagnostics"][0]["rule"], "tiny.widget");

  auto fix = client.Post("/v1/fix", R"({"text": "了解しました。明細はいつでも見れます。", "mode": "all"})",
                         "application/json");
  ASSERT_TRUE(fix);
  ASSERT_EQ(fix->status, 200) << fix->body;
  auto f = parse(fix->body);
  EXPECT_EQ(f["text"], "承知しました。明細はいつでも見られます。");
  EXPECT_EQ(f["applied"], 2);
  EXPECT_EQ(f["edits"][0]["before"], "了解しました");

  auto guides = client.Get("/v1/guides");
  ASSERT_TRUE(guides);
  auto g = parse(guides->body);
  ASSERT_EQ(g["guides"].size(), 2u);
  EXPECT_EQ(g["guides"][0]["id"], "tonelint");
  EXPECT_EQ(g["guides"][0]["default"], true);
  EXPECT_EQ(g["guides"][0]["contexts"]["channel"]["default"], "email");
  EXPECT_EQ(g["guides"][1]["id"], "tiny");

  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(parse(health->body)["status"], "ok");

  auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  EXPECT_NE(metrics->body.find("tonelint_http_requests_total{endpoint=\"/v1/check\",code=\"200\"} 2"), std::string::npos)
      << metrics->body;
  EXPECT_NE(metrics->body.find("tonelint_http_request_duration_seconds_bucket{endpoint=\"/v1/check\",le=\"+Inf\"} 2"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("tonelint_findings_total{rule=\"tiny.widget\"} 1"), std::string::npos);
  std::remove(tiny.c_str());
}

// Each bad request gets a JSON error with the right status, and the server goes on serving.
TEST(Serve, MalformedRequestBatteryThenAGoodRequest) {
  ServeProcess server({"--guide", kShippedGuide, "--max-body", "65536", "--max-text", "4096", "--read-timeout-ms",
                       "500", "--keep-alive-timeout", "1", "--threads", "4"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  auto client = server.client();
  struct Bad {
    std::string name, body;
    int status;
    std::string field;  // expected error.field ("" = not checked)
  };
  const std::vector<Bad> battery = {
      {"truncated JSON", R"({"text": )", 400, "body"},
      {"not JSON", "hello", 400, "body"},
      {"array body", R"(["text"])", 400, "body"},
      {"no text", R"({"context": {}})", 400, "text"},
      {"text a number", R"({"text": 42})", 400, "text"},
      {"context a string", R"({"text": "hi", "context": "chat"})", 400, "context"},
      {"context value a number", R"({"text": "hi", "context": {"channel": 3}})", 400, "context.channel"},
      {"unknown field", R"({"text": "hi", "contxt": {}})", 400, "contxt"},
      {"unknown dimension", R"({"text": "hi", "context": {"mood": "upset"}})", 400, "context.mood"},
      {"unknown context value", R"({"text": "hi", "context": {"emotion": "furious"}})", 400, "context.emotion"},
      {"unknown guide", R"({"text": "hi", "guide": "acme"})", 400, "guide"},
      {"guide a list", R"({"text": "hi", "guide": ["tonelint"]})", 400, "guide"},
      {"unknown format", R"({"text": "hi", "format": "docx"})", 400, "format"},
      {"NUL in text", R"({"text": "a\u0000b"})", 400, "text"},
      {"invalid UTF-8 in the JSON", "{\"text\": \"\xff\xfe\"}", 400, "body"},
      {"broken front matter", R"({"text": "---\ntone: [x\n---\nhi", "format": "markdown"})", 400, "text"},
      {"text over the limit", R"({"text": ")" + std::string(5000, 'a') + R"("})", 413, "text"},
      {"body over the limit", R"({"text": ")" + std::string(70000, 'a') + R"("})", 413, ""},
      {"deep nesting", std::string(5000, '[') + std::string(5000, ']'), 400, "body"},
  };
  for (const Bad& bad : battery) {
    auto res = client.Post("/v1/check", bad.body, "application/json");
    ASSERT_TRUE(res) << bad.name << ": no response";
    EXPECT_EQ(res->status, bad.status) << bad.name << ": " << res->body;
    auto j = parse(res->body);
    ASSERT_TRUE(j.is_object() && j.contains("error")) << bad.name << ": " << res->body;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty()) << bad.name;
    if (!bad.field.empty()) {
      EXPECT_EQ(j["error"]["field"], bad.field) << bad.name << ": " << res->body;
    }
  }
  // /v1/fix checks its own field too.
  auto mode = client.Post("/v1/fix", R"({"text": "hi", "mode": "everything"})", "application/json");
  ASSERT_TRUE(mode);
  EXPECT_EQ(mode->status, 400);
  EXPECT_EQ(parse(mode->body)["error"]["field"], "mode");

  // Wrong methods, wrong paths, wrong content type.
  auto get_check = client.Get("/v1/check");
  ASSERT_TRUE(get_check);
  EXPECT_EQ(get_check->status, 405);
  EXPECT_EQ(get_check->get_header_value("Allow"), "POST");
  auto post_health = client.Post("/healthz", "{}", "application/json");
  ASSERT_TRUE(post_health);
  EXPECT_EQ(post_health->status, 405);
  auto del = client.Delete("/v1/guides");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  auto nowhere = client.Get("/v2/check");
  ASSERT_TRUE(nowhere);
  EXPECT_EQ(nowhere->status, 404);
  EXPECT_TRUE(parse(nowhere->body).contains("error"));
  auto text_plain = client.Post("/v1/check", R"({"text": "hi"})", "text/plain");
  ASSERT_TRUE(text_plain);
  EXPECT_EQ(text_plain->status, 415);
  {
    RawConnection raw(server.port());
    ASSERT_TRUE(raw.ok());
    raw.send(post_request("/v1/check", R"({"text": "hi"})", ""));  // no Content-Type at all
    EXPECT_NE(raw.read_response(10s).find("HTTP/1.1 415"), std::string::npos);
  }
  {
    RawConnection raw(server.port());
    ASSERT_TRUE(raw.ok());
    raw.send("GARBAGE\r\n\r\n");
    EXPECT_NE(raw.read_response(10s).find("HTTP/1.1 400"), std::string::npos);
  }
  {
    // A body shorter than its Content-Length, then silence: dropped after the read timeout.
    RawConnection raw(server.port());
    ASSERT_TRUE(raw.ok());
    raw.send("POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te");
    bool closed = false;
    raw.read_all(20s, &closed);
    EXPECT_TRUE(closed) << "a client that stops sending must be dropped";
  }
  {
    // Slowloris: headers that never end.
    RawConnection raw(server.port());
    ASSERT_TRUE(raw.ok());
    raw.send("POST /v1/check HTTP/1.1\r\nHost: x\r\n");
    bool closed = false;
    raw.read_all(20s, &closed);
    EXPECT_TRUE(closed) << "a request whose headers never end must be dropped";
  }

  ASSERT_TRUE(server.alive()) << server.stderr_text();
  auto good = client.Post("/v1/check", R"({"text": "Thanks for your patience."})", "application/json");
  ASSERT_TRUE(good);
  EXPECT_EQ(good->status, 200) << good->body;
  EXPECT_EQ(parse(good->body)["summary"]["errors"], 0);
}

// Requests run on several threads while the guide file is rewritten, then broken: every
// response comes whole from one version, and a broken guide leaves the last good one serving.
TEST(Serve, ReloadIsAtomicUnderConcurrentRequestsAndRefusesABrokenGuide) {
  const std::string path = temp_path("reload.yaml");
  const std::string v1 = tiny_guide("reload", "warning", "version one");
  const std::string v2 = tiny_guide("reload", "error", "version two");
  write_file(path, v1);
  ServeProcess server({"--guide", path, "--watch-interval", "0.1", "--threads", "8"});
  ASSERT_TRUE(server.started()) << server.stderr_text();

  std::atomic<bool> stop{false};
  std::atomic<int> ok_one{0}, ok_two{0}, torn{0}, failed{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&] {
      auto client = server.client();
      const auto deadline = std::chrono::steady_clock::now() + 60s;
      while (!stop && std::chrono::steady_clock::now() < deadline) {
        auto res = client.Post("/v1/check", R"({"text": "The widget broke."})", "application/json");
        if (!res || res->status != 200) {
          ++failed;
          continue;
        }
        auto j = parse(res->body);
        const auto& d = j["files"][0]["diagnostics"];
        if (d.size() != 1) {
          ++torn;
          continue;
        }
        const std::string level = d[0]["level"], message = d[0]["message"];
        if (level == "warning" && message == "version one") {
          ++ok_one;
        } else if (level == "error" && message == "version two") {
          ++ok_two;
        } else {
          ++torn;
        }
      }
    });
  }
  auto wait_for = [](const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (!condition() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(20ms);
    return condition();
  };
  EXPECT_TRUE(wait_for([&] { return ok_one > 20; }));
  replace_file(path, v2);  // noticed by the file poll
  EXPECT_TRUE(wait_for([&] { return ok_two > 20; })) << server.stderr_text();
  // Broken, then SIGHUP: refused, and version two keeps serving.
  replace_file(path, "guide: reload\nrules:\n  - id: [\n");
  server.signal(SIGHUP);
  EXPECT_TRUE(wait_for([&] { return server.stderr_text().find("refused") != std::string::npos; }))
      << server.stderr_text();
  const int two_before = ok_two;
  EXPECT_TRUE(wait_for([&] { return ok_two > two_before + 20; }));
  stop = true;
  for (auto& t : clients) t.join();
  EXPECT_EQ(torn.load(), 0);
  EXPECT_EQ(failed.load(), 0);

  auto client = server.client();
  auto guides = client.Get("/v1/guides");
  ASSERT_TRUE(guides);
  EXPECT_EQ(parse(guides->body)["guides"][0]["generation"], 2) << guides->body;
  auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("tonelint_guide_reloads_total{result=\"refused\"} "), std::string::npos);
  EXPECT_EQ(metrics->body.find("tonelint_guide_reloads_total{result=\"refused\"} 0"), std::string::npos);
  std::remove(path.c_str());
}

// SIGTERM while a request is half sent: it is still answered, then the server exits 0.
TEST(Serve, GracefulShutdownFinishesTheRequestInFlight) {
  ServeProcess server({"--guide", kShippedGuide});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  {  // warm up (the first request compiles the context's rules)
    auto client = server.client();
    ASSERT_TRUE(client.Post("/v1/check", R"({"text": "hi"})", "application/json"));
  }
  RawConnection raw(server.port());
  ASSERT_TRUE(raw.ok());
  const std::string request = post_request("/v1/check", R"({"text": "了解しました！", "context": {"emotion": "upset"}})");
  const std::size_t half = request.size() - 10;
  ASSERT_TRUE(raw.send(request.substr(0, half)));
  std::this_thread::sleep_for(300ms);  // the server is reading it
  server.signal(SIGTERM);
  std::this_thread::sleep_for(300ms);
  ASSERT_TRUE(raw.send(request.substr(half)));
  const std::string response = raw.read_response(20s);
  EXPECT_NE(response.find("HTTP/1.1 200"), std::string::npos) << response;
  EXPECT_NE(response.find("tonelint.shouchi"), std::string::npos);
  const auto status = server.wait_exit(30s);
  ASSERT_TRUE(status.has_value()) << "still running after SIGTERM";
  EXPECT_EQ(*status, 0) << server.stderr_text();
  // And nothing listens any more.
  RawConnection after(server.port());
  EXPECT_FALSE(after.ok());
}

TEST(Serve, RefusesABrokenGuideAtStart) {
  const std::string path = temp_path("broken.yaml");
  write_file(path, "guide: x\nrules: [\n");
  ServeProcess server({"--guide", path});
  EXPECT_FALSE(server.started());
  const auto status = server.wait_exit(30s);
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(*status, 2);
  EXPECT_NE(server.stderr_text().find(path), std::string::npos) << server.stderr_text();
  std::remove(path.c_str());
}

}  // namespace
}  // namespace tonelint::testing
