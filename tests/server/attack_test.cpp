// Issue 13, items 8-10 and 12 (pipelining): requests an attacker sends to `tonelint serve`.
// The framing (request_framing.h) alone, then through HttpServer::serve_connection, then
// over a real loopback socket to the real binary.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/guide_registry.h"
#include "server/http_server.h"
#include "server/metrics.h"
#include "server/request_framing.h"
#include "server/serve_support.h"

namespace tonelint::server {
namespace {

using namespace std::chrono_literals;
const std::string kShippedGuide = std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml";

std::string head(const std::string& headers, const std::string& method = "POST") {
  return method + " /v1/check HTTP/1.1\r\nHost: t\r\n" + headers + "\r\n";
}

TEST(RequestFraming, RefusesWhatCannotBeFramedWithTheRightStatus) {
  struct Case {
    std::string name, headers;
    int status;
  };
  const std::vector<Case> cases = {
      {"negative length", "Content-Length: -1\r\n", 400},
      {"signed length", "Content-Length: +5\r\n", 400},
      {"hex length", "Content-Length: 0x10\r\n", 400},
      {"two lengths that differ", "Content-Length: 5\r\nContent-Length: 6\r\n", 400},
      {"length and chunked", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", 400},
      {"no length", "Content-Type: application/json\r\n", 411},
      {"over the limit", "Content-Length: 2000000000\r\n", 413},
      {"beyond 2^64", "Content-Length: 99999999999999999999999\r\n", 413},
      {"gzip", "Content-Length: 5\r\nContent-Encoding: gzip\r\n", 415},
      {"deflate", "Content-Length: 5\r\nContent-Encoding: deflate\r\n", 415},
      {"br", "Content-Length: 5\r\nContent-Encoding: br\r\n", 415},
      {"gzip, chunked", "Transfer-Encoding: chunked\r\ncontent-encoding: GZIP\r\n", 415},
      {"an Expect other than 100-continue", "Content-Length: 5\r\nExpect: 200-ok\r\n", 417},
      {"gzip transfer coding", "Transfer-Encoding: gzip, chunked\r\n", 501},
      {"a header without a colon", "Content-Length: 5\r\nnonsense\r\n", 400},
      {"a folded header", "Content-Length: 5\r\nX-A: 1\r\n  folded\r\n", 400},
      {"a space before the colon", "Content-Length : 5\r\n", 400},
  };
  for (const Case& c : cases) {
    const RequestPlan plan = plan_request(head(c.headers), 1 << 20);
    EXPECT_EQ(plan.refuse, c.status) << c.name << ": " << plan.message;
    EXPECT_FALSE(plan.message.empty()) << c.name;
  }
  EXPECT_EQ(plan_request("GARBAGE\r\n\r\n", 100).refuse, 400);
  EXPECT_EQ(plan_request("GET / HTTP/2.0\r\n\r\n", 100).refuse, 400);
}

TEST(RequestFraming, ServesWhatCanBeFramedAndDropsRange) {
  RequestPlan plan = plan_request(head("Content-Length: 007\r\nRange: bytes=zz\r\nExpect: 100-Continue\r\n"), 100);
  ASSERT_EQ(plan.refuse, 0) << plan.message;
  EXPECT_EQ(plan.framing, BodyFraming::kLength);
  EXPECT_EQ(plan.length, 7u);
  EXPECT_TRUE(plan.expect_continue);
  const std::string normalized = normalized_head(plan, 7);
  EXPECT_EQ(normalized, "POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Length: 7\r\n\r\n");
  plan = plan_request(head("Transfer-Encoding: Chunked\r\nContent-Encoding: identity\r\n"), 100);
  EXPECT_EQ(plan.refuse, 0) << plan.message;
  EXPECT_EQ(plan.framing, BodyFraming::kChunked);
  // A DELETE or GET may come without a length: no body.
  EXPECT_EQ(plan_request(head("", "DELETE"), 100).framing, BodyFraming::kNone);
  EXPECT_EQ(plan_request(head("", "GET"), 100).refuse, 0);
  // A bare LF ends lines too; CRLFs before the request line are skipped.
  EXPECT_EQ(find_head_end("\r\nGET / HTTP/1.1\nHost: t\n\nrest"), std::string("\r\nGET / HTTP/1.1\nHost: t\n\n").size());
  EXPECT_EQ(find_head_end("GET / HTTP/1.1\r\nHost: t\r\n"), std::string::npos);
}

// A head that arrives a byte at a time is scanned once, not once per byte.
TEST(RequestFraming, AHeadTrickledByteByByteIsFoundWhereItEnds) {
  const std::string request = "\r\n\r\nPOST /v1/check HTTP/1.1\r\nHost: t\nX-A: 1\r\n\r\nbody";
  HeadScanner scanner;
  std::string buffer;
  std::size_t found = std::string::npos;
  for (char c : request) {
    buffer.push_back(c);
    if ((found = scanner.find_end(buffer)) != std::string::npos) break;
  }
  EXPECT_EQ(found, request.size() - 4);
  EXPECT_EQ(found, find_head_end(request));
  EXPECT_EQ(plan_request(std::string_view(request).substr(0, found), 100).method, "POST");
}

TEST(RequestFraming, ChunkedBodiesAreDecodedByteByByteAndBounded) {
  const std::string chunked = "5;ext=1\r\nhello\r\nA\r\n, world!!!\r\n0\r\nTrailer: x\r\n\r\nNEXT";
  ChunkedDecoder whole(100);
  EXPECT_EQ(whole.feed(chunked), chunked.size() - 4);
  EXPECT_EQ(whole.state(), ChunkedDecoder::State::kDone);
  EXPECT_EQ(whole.body(), "hello, world!!!");
  ChunkedDecoder bytewise(100);
  std::string pending;
  for (char c : chunked.substr(0, chunked.size() - 4)) {
    pending.push_back(c);
    pending.erase(0, bytewise.feed(pending));
  }
  EXPECT_EQ(bytewise.state(), ChunkedDecoder::State::kDone);
  EXPECT_EQ(bytewise.body(), "hello, world!!!");
  ChunkedDecoder small(8);
  small.feed(chunked);
  EXPECT_EQ(small.state(), ChunkedDecoder::State::kTooLarge);
  for (const char* bad : {"zz\r\n", "5\r\nhelloXX\r\n", "FFFFFFFFFFFFFFFFFFFF\r\n", "-1\r\n"}) {
    ChunkedDecoder d(1 << 20);
    d.feed(bad);
    EXPECT_NE(d.state(), ChunkedDecoder::State::kDone) << bad;
    EXPECT_NE(d.state(), ChunkedDecoder::State::kNeedMore) << bad;
  }
}

class AttackConnection : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dictionaries = Dictionaries::load();
    ASSERT_TRUE(dictionaries.ok()) << dictionaries.status().to_string();
    auto registry = GuideRegistry::open({kShippedGuide}, *dictionaries);
    ASSERT_TRUE(registry.ok()) << registry.status().to_string();
    registry_ = std::move(*registry);
    metrics_ = std::make_unique<Metrics>();
    ServerOptions options;
    options.max_body_bytes = 64 << 10;
    http_ = std::make_unique<HttpServer>(options, *registry_, *metrics_);
  }
  static void TearDownTestSuite() {
    http_.reset();
    metrics_.reset();
    registry_.reset();
  }
  // The status codes of every response (100 Continue included), in order.
  static std::vector<int> statuses(const std::string& out) {
    std::vector<int> all;
    for (std::size_t at = out.find("HTTP/1.1 "); at != std::string::npos; at = out.find("HTTP/1.1 ", at + 1)) {
      all.push_back(std::stoi(out.substr(at + 9, 3)));
    }
    return all;
  }
  static std::unique_ptr<GuideRegistry> registry_;
  static std::unique_ptr<Metrics> metrics_;
  static std::unique_ptr<HttpServer> http_;
};

std::unique_ptr<GuideRegistry> AttackConnection::registry_;
std::unique_ptr<Metrics> AttackConnection::metrics_;
std::unique_ptr<HttpServer> AttackConnection::http_;

// The gzip of {"text": "aaa...a"} with `blocks` MiB of a's, cheaply: a MiB of a's is
// deflated once, after a full flush (so its bytes do not depend on what came before), and
// repeated; the trailer's CRC is combined from the pieces'.
std::string gzip_bomb(std::size_t blocks) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);  // raw deflate: header and trailer are ours
  auto put = [&](std::string_view data, int flush) {
    std::string out;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    do {
      char buffer[1 << 16];
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof buffer;
      deflate(&z, flush);
      out.append(buffer, sizeof buffer - z.avail_out);
    } while (z.avail_out == 0);
    return out;
  };
  const std::string prefix = "{\"text\": \"", filler(1 << 20, 'a'), suffix = "\"}";
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  out += put(prefix, Z_FULL_FLUSH);
  const std::string block = put(filler, Z_FULL_FLUSH);
  for (std::size_t i = 0; i < blocks; ++i) out += block;
  out += put(suffix, Z_FINISH);
  deflateEnd(&z);
  uLong crc = crc32(0, reinterpret_cast<const Bytef*>(prefix.data()), static_cast<uInt>(prefix.size()));
  const uLong block_crc = crc32(0, reinterpret_cast<const Bytef*>(filler.data()), static_cast<uInt>(filler.size()));
  for (std::size_t i = 0; i < blocks; ++i) crc = crc32_combine(crc, block_crc, static_cast<z_off_t>(filler.size()));
  crc = crc32_combine(crc, crc32(0, reinterpret_cast<const Bytef*>(suffix.data()), static_cast<uInt>(suffix.size())),
                      static_cast<z_off_t>(suffix.size()));
  const std::uint32_t size = static_cast<std::uint32_t>(prefix.size() + blocks * filler.size() + suffix.size());
  for (std::uint32_t v : {static_cast<std::uint32_t>(crc), size}) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  return out;
}

std::string check_request(const std::string& body, const std::string& extra = "") {
  return "POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n" + extra +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Item 8: the body is never inflated; refused before a byte of it is read.
TEST_F(AttackConnection, CompressedBodiesAre415AndNeverInflated) {
  const std::string bomb = gzip_bomb(8);
  ASSERT_LT(bomb.size(), 64u << 10);  // under --max-body: only the encoding refuses it
  const std::string out = http_->serve_connection(check_request(bomb, "Content-Encoding: gzip\r\n") +
                                                  "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(statuses(out), std::vector<int>{415}) << out.substr(0, 200);
  EXPECT_NE(out.find("Content-Encoding 'gzip' is not accepted"), std::string::npos) << out;
  EXPECT_NE(out.find("Connection: close"), std::string::npos);
}

// Item 9: no length, no chunks: 411 at once, nothing buffered.
TEST_F(AttackConnection, ABodyWithNoLengthIs411) {
  const std::string out = http_->serve_connection(
      "POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n\r\n{\"text\": \"hi\"}");
  EXPECT_EQ(statuses(out), std::vector<int>{411}) << out;
}

// Item 10.
TEST_F(AttackConnection, ANegativeLengthIs400AndAHugeExpectGetsTheFinalStatusFirst) {
  EXPECT_EQ(statuses(http_->serve_connection(head("Content-Type: application/json\r\nContent-Length: -1\r\n"))),
            std::vector<int>{400});
  EXPECT_EQ(statuses(http_->serve_connection(
                head("Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2000000000\r\n"))),
            std::vector<int>{413});
  // Accepted: 100 Continue, then the answer; the Expect header is not answered twice.
  const std::string body = R"({"text": "Thanks for waiting."})";
  EXPECT_EQ(statuses(http_->serve_connection(check_request(body, "Expect: 100-continue\r\n"))),
            (std::vector<int>{100, 200}));
}

TEST_F(AttackConnection, AnUnparsableRangeIsIgnored) {
  for (const char* range : {"bytes=zz", "bytes=5-1", "lines=1-2", "bytes=-"}) {
    const std::string out =
        http_->serve_connection(std::string("GET /v1/guides HTTP/1.1\r\nHost: t\r\nRange: ") + range + "\r\n\r\n");
    EXPECT_EQ(statuses(out), std::vector<int>{200}) << range;
    EXPECT_EQ(out.find("Content-Range"), std::string::npos) << range;
  }
}

TEST_F(AttackConnection, ChunkedBodiesAreCheckedAndBoundedByMaxBody) {
  const std::string body = R"({"text": "You forgot to save lol!"})";
  const std::string chunked = "POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                              "Transfer-Encoding: chunked\r\n\r\n" +
                              std::string("5\r\n") + body.substr(0, 5) + "\r\n" +
                              [&] {
                                char size[16];
                                std::snprintf(size, sizeof size, "%zx", body.size() - 5);
                                return std::string(size);
                              }() +
                              "\r\n" + body.substr(5) + "\r\n0\r\n\r\n";
  const std::string out = http_->serve_connection(chunked + "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(statuses(out), (std::vector<int>{200, 200})) << out;
  EXPECT_NE(out.find("\"diagnostics\":[{"), std::string::npos) << out;
  // 100 KiB of chunks against a 64 KiB limit: 413, never held whole.
  std::string big = "POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 100; ++i) big += "400\r\n" + std::string(1024, 'a') + "\r\n";
  big += "0\r\n\r\n";
  EXPECT_EQ(statuses(http_->serve_connection(big)), std::vector<int>{413});
}

// Item 12: 200 requests in one write, each answered, in order.
TEST_F(AttackConnection, TwoHundredPipelinedRequestsAreAnsweredInOrder) {
  std::string all;
  for (int i = 0; i < 200; ++i) {
    all += check_request(R"({"text": "Thanks.", "filename": "f)" + std::to_string(i) + R"(.txt"})");
  }
  const std::string out = http_->serve_connection(all, 1000);
  std::size_t at = 0;
  for (int i = 0; i < 200; ++i) {
    const std::size_t next = out.find("\"path\":\"f" + std::to_string(i) + ".txt\"", at);
    ASSERT_NE(next, std::string::npos) << "answer " << i << " missing or out of order";
    at = next;
  }
  EXPECT_EQ(statuses(out).size(), 200u);
}

// Over a real socket to the real binary.
TEST(AttackOverLoopback, PipelinedRequestsInOneWriteAreAllAnswered) {
  testing::ServeProcess server({"--guide", kShippedGuide});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  testing::RawConnection raw(server.port());
  ASSERT_TRUE(raw.ok());
  std::string all;
  for (int i = 0; i < 200; ++i) {
    all += check_request(R"({"text": "Thanks.", "filename": "f)" + std::to_string(i) + R"(.txt"})");
  }
  all += "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
  ASSERT_TRUE(raw.send(all));
  bool closed = false;
  const std::string out = raw.read_all(60s, &closed);
  EXPECT_TRUE(closed);
  std::size_t at = 0;
  for (int i = 0; i < 200; ++i) {
    const std::size_t next = out.find("\"path\":\"f" + std::to_string(i) + ".txt\"", at);
    ASSERT_NE(next, std::string::npos) << "answer " << i << " missing or out of order";
    at = next;
  }
  EXPECT_NE(out.find("{\"guides\":1,\"status\":\"ok\"}", at), std::string::npos);
}

std::size_t peak_rss_kb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoul(line.substr(6));
  }
  return 0;
}

// Item 8 as the issue measured it: 400 KB of gzip that inflates to 400 MB took the server
// from 58 MB to 1.7 GB. Now a 415 at once, and the peak does not move.
TEST(AttackOverLoopback, AGzipBombIsRefusedWithoutGrowingTheServer) {
  testing::ServeProcess server({"--guide", kShippedGuide, "--max-body", "1048576", "--threads", "2"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  const std::size_t before = peak_rss_kb(server.pid());
  const std::string bomb = gzip_bomb(400);
  ASSERT_LT(bomb.size(), 1u << 20);
  testing::RawConnection raw(server.port());
  ASSERT_TRUE(raw.ok());
  raw.send(check_request(bomb, "Content-Encoding: gzip\r\n"));
  const std::string out = raw.read_response(30s);
  EXPECT_NE(out.find("HTTP/1.1 415"), std::string::npos) << out.substr(0, 200);
  const std::size_t after = peak_rss_kb(server.pid());
  EXPECT_LT(after, before + 32 * 1024) << "peak RSS " << before << " kB -> " << after << " kB";
  std::cerr << "gzip bomb (" << bomb.size() << " bytes): server peak RSS " << before << " kB -> " << after << " kB\n";
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(20s), 0);
}

// A body that never ends (no length) is not buffered: 411, and the connection is closed.
TEST(AttackOverLoopback, ABodyWithoutALengthIs411AndClosed) {
  testing::ServeProcess server({"--guide", kShippedGuide});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  testing::RawConnection raw(server.port());
  ASSERT_TRUE(raw.ok());
  raw.send("POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n\r\n" + std::string(1 << 20, 'a'));
  bool closed = false;
  const std::string out = raw.read_all(20s, &closed);
  EXPECT_EQ(out.rfind("HTTP/1.1 411 Length Required", 0), 0u) << out.substr(0, 200);
  EXPECT_TRUE(closed);
}

TEST(AttackOverLoopback, ANegativeLengthIs400AtOnce) {
  testing::ServeProcess server({"--guide", kShippedGuide, "--read-timeout-ms", "5000"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  testing::RawConnection raw(server.port());
  ASSERT_TRUE(raw.ok());
  const auto start = std::chrono::steady_clock::now();
  raw.send(head("Content-Type: application/json\r\nContent-Length: -1\r\n"));
  const std::string out = raw.read_response(20s);
  EXPECT_EQ(out.rfind("HTTP/1.1 400", 0), 0u) << out;
  // Not after the 5 s read timeout (the old 413); 4 s leaves room for a slow sanitizer run.
  EXPECT_LT(std::chrono::steady_clock::now() - start, 4s);
}

}  // namespace
}  // namespace tonelint::server
