// HttpServer::serve_connection: one connection's bytes served in memory, with the parsing,
// routing and handlers of the TCP server. The fuzz target for requests stands on it, so it
// must answer pipelined requests in order, stop where the client asked, and frame every
// response exactly.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/guide_registry.h"
#include "server/http_server.h"
#include "server/metrics.h"

namespace tonelint::server {
namespace {

class ServeConnection : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dictionaries = Dictionaries::load();
    ASSERT_TRUE(dictionaries.ok()) << dictionaries.status().to_string();
    auto registry = GuideRegistry::open({std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml"}, *dictionaries);
    ASSERT_TRUE(registry.ok()) << registry.status().to_string();
    registry_ = registry->release();
    metrics_ = new Metrics;
    http_ = new HttpServer(ServerOptions{}, *registry_, *metrics_);
  }
  static void TearDownTestSuite() {
    delete http_;
    delete metrics_;
    delete registry_;
  }

  struct Response {
    int status = 0;
    std::string head, body;
  };
  // Splits the server's bytes into responses by their Content-Length.
  static std::vector<Response> responses(std::string out) {
    std::vector<Response> all;
    while (!out.empty()) {
      const std::size_t head_end = out.find("\r\n\r\n");
      if (out.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) {
        ADD_FAILURE() << "not an HTTP/1.1 response: " << out.substr(0, 80);
        break;
      }
      Response r;
      r.status = std::stoi(out.substr(9, 3));
      r.head = out.substr(0, head_end);
      const std::size_t cl = r.head.find("\r\nContent-Length: ");
      const std::size_t length = cl == std::string::npos ? 0 : std::stoul(r.head.substr(cl + 18));
      r.body = out.substr(head_end + 4, length);
      EXPECT_EQ(r.body.size(), length) << "a response shorter than its Content-Length";
      out.erase(0, head_end + 4 + length);
      all.push_back(std::move(r));
    }
    return all;
  }
  static std::string post(const std::string& path, const std::string& body, const std::string& extra = "") {
    return "POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n" + extra +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }

  static GuideRegistry* registry_;
  static Metrics* metrics_;
  static HttpServer* http_;
};

GuideRegistry* ServeConnection::registry_ = nullptr;
Metrics* ServeConnection::metrics_ = nullptr;
HttpServer* ServeConnection::http_ = nullptr;

TEST_F(ServeConnection, AnswersPipelinedRequestsInOrder) {
  const std::string check = post("/v1/check", R"({"text": "You forgot to save lol!", "context": {"channel": "chat", "emotion": "upset"}})");
  const auto all = responses(http_->serve_connection("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n" + check +
                                                     "DELETE /v1/fix HTTP/1.1\r\nHost: t\r\n\r\n"));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].status, 200);
  EXPECT_EQ(nlohmann::json::parse(all[0].body)["status"], "ok");
  ASSERT_EQ(all[1].status, 200);
  const auto report = nlohmann::json::parse(all[1].body);
  ASSERT_EQ(report["files"].size(), 1u);
  EXPECT_FALSE(report["files"][0]["diagnostics"].empty()) << all[1].body;
  EXPECT_EQ(all[2].status, 405);
  EXPECT_NE(all[2].head.find("\r\nAllow: POST"), std::string::npos) << all[2].head;
}

TEST_F(ServeConnection, StopsAfterConnectionClose) {
  const auto all = responses(http_->serve_connection(
      "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\nGET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_NE(all[0].head.find("Connection: close"), std::string::npos);
}

TEST_F(ServeConnection, StopsAtTheRequestLimit) {
  std::string many;
  for (int i = 0; i < 5; ++i) many += "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
  EXPECT_EQ(responses(http_->serve_connection(many, 3)).size(), 3u);
}

TEST_F(ServeConnection, RefusalsAreJsonErrors) {
  const auto all = responses(http_->serve_connection(
      post("/v1/check", R"({"text": "hi", "context": {"emotion": "furious"}})") + post("/v1/check", "{\"text\": ") +
      "GET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n"));
  ASSERT_EQ(all.size(), 3u);
  for (const auto& r : all) {
    const auto body = nlohmann::json::parse(r.body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << r.body;
    EXPECT_TRUE(body["error"]["message"].is_string()) << r.body;
  }
  EXPECT_EQ(all[0].status, 400);
  EXPECT_EQ(all[0].body.find("\"field\":\"context.emotion\"") != std::string::npos, true) << all[0].body;
  EXPECT_EQ(all[1].status, 400);
  EXPECT_EQ(all[2].status, 404);
}

// httplib would answer "200 OK" with only the requested bytes of the JSON: a client would
// take a slice for the whole report. Ranges are ignored: the whole body, still 200.
TEST_F(ServeConnection, RangeRequestsGetTheWholeJson) {
  for (const char* range : {"bytes=0-10", "bytes=0-3,8-12"}) {
    const auto all = responses(http_->serve_connection(std::string("GET /v1/guides HTTP/1.1\r\nHost: t\r\nRange: ") +
                                                       range + "\r\n\r\n"));
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].status, 200);
    EXPECT_EQ(all[0].head.find("Content-Range"), std::string::npos) << all[0].head;
    EXPECT_FALSE(nlohmann::json::parse(all[0].body, nullptr, false).is_discarded()) << all[0].body;
  }
}

// nlohmann's parser throws out_of_range, not parse_error, for a number beyond a double:
// once a 500 "internal error" (found by fuzz_service), now the client's 400.
TEST_F(ServeConnection, ANumberTooLargeForADoubleIsMalformedJson) {
  for (const char* body : {"1e999", R"({"text": "hi", "context": {"channel": -2e77777}})"}) {
    const auto all = responses(http_->serve_connection(post("/v1/fix", body)));
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].status, 400) << all[0].body;
    EXPECT_NE(all[0].body.find("\"field\":\"body\""), std::string::npos) << all[0].body;
    EXPECT_NE(all[0].body.find("number overflow"), std::string::npos) << all[0].body;
  }
}

TEST_F(ServeConnection, AGarbageRequestLineGetsA400AndNoCrash) {
  static constexpr char kGarbage[] = "\x01\x02 \xFF HTTP/9\r\n\r\n";
  const auto all = responses(http_->serve_connection(std::string(kGarbage, sizeof kGarbage - 1)));
  ASSERT_GE(all.size(), 1u);
  EXPECT_EQ(all[0].status, 400);
}

TEST_F(ServeConnection, ATruncatedBodyIsNeverChecked) {
  // The client promised 100 bytes and sent 10: refused (or left unanswered), never a report.
  const auto all = responses(http_->serve_connection(
      "POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\": \""));
  for (const auto& r : all) EXPECT_EQ(r.status, 400) << r.head;
}

}  // namespace
}  // namespace tonelint::server
