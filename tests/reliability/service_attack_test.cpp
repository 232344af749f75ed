// Issue 13, item 12, at the level of the real binary: signals right after start-up, a
// guide replaced by a FIFO, and option values that used to wrap round.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <thread>

#include <string>
#include <vector>

#include "server/serve_support.h"
#include "test_support.h"

namespace tonelint::testing {
namespace {

const std::string kShippedGuide = std::string(TONELINT_SOURCE_DIR) + "/rules/tonelint.yaml";

#ifdef TONELINT_SANITIZED
constexpr auto kExitBound = 60s;
#else
constexpr auto kExitBound = 10s;
#endif

// Once lost in 7 to 20 of 20 runs: stop() came before httplib's listen loop had begun, and
// the server went on serving. Every run must exit 0, within the bound.
TEST(ServiceAttack, SigtermRightAfterStartUpAlwaysStopsTheServer) {
  for (int run = 0; run < 20; ++run) {
    ServeProcess server({"--guide", kShippedGuide, "--watch-interval", "0"});
    ASSERT_TRUE(server.started()) << server.stderr_text();
    server.signal(SIGTERM);  // at once, as the port is printed and listen() is just starting
    const auto status = server.wait_exit(kExitBound);
    ASSERT_TRUE(status.has_value()) << "run " << run << ": still serving after SIGTERM\n" << server.stderr_text();
    EXPECT_EQ(*status, 0) << "run " << run << "\n" << server.stderr_text();
  }
}

// A second SIGTERM once did nothing while the first waited for requests in flight: now it
// ends the process at once (128 + SIGTERM).
TEST(ServiceAttack, ASecondSigtermExitsAtOnceWhileARequestIsInFlight) {
  ServeProcess server({"--guide", kShippedGuide, "--watch-interval", "0", "--read-timeout-ms", "60000"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  RawConnection raw(server.port());
  ASSERT_TRUE(raw.ok());
  // One whole request answered first: the connection is being served, not in the backlog.
  raw.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_NE(raw.read_response(10s).find("HTTP/1.1 200"), std::string::npos);
  raw.send("POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te");
  std::this_thread::sleep_for(100ms);
  server.signal(SIGTERM);
  // The request in flight waits for the rest of its body (up to the 60 s read timeout).
  EXPECT_FALSE(server.wait_exit(500ms).has_value()) << server.stderr_text();
  server.signal(SIGTERM);
  const auto status = server.wait_exit(kExitBound);
  ASSERT_TRUE(status.has_value()) << "a second SIGTERM was ignored\n" << server.stderr_text();
  EXPECT_EQ(*status, 128 + SIGTERM) << server.stderr_text();
}

// The signal thread once reloaded the guides itself, and a FIFO in the guide's place kept
// it in open() forever: SIGHUP and SIGTERM were never handled.
TEST(ServiceAttack, AFifoSwappedInForTheGuideNeverBlocksSignals) {
  const std::string dir = ::testing::TempDir() + "svc_fifo_" + std::to_string(::getpid());
  ::mkdir(dir.c_str(), 0755);
  const std::string guide = dir + "/guide.yaml";
  std::ofstream(guide) << "guide: tiny\nlanguages: [en]\ncontexts:\n  channel: [email]\n  situation: [general]\n"
                          "  audience: [customer]\n  emotion: [neutral]\n"
                          "defaults: {channel: email, situation: general, audience: customer, emotion: neutral}\n"
                          "rules:\n  - id: widget\n    lang: en\n    kind: existence\n    level: error\n"
                          "    message: \"no widgets\"\n    words: [widget]\n";
  ServeProcess server({"--guide", guide, "--watch-interval", "0.1"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  std::remove(guide.c_str());
  ASSERT_EQ(::mkfifo(guide.c_str(), 0644), 0);
  std::this_thread::sleep_for(300ms);  // a poll or two: the reload sees the FIFO
  server.signal(SIGHUP);
  std::this_thread::sleep_for(200ms);
  ASSERT_TRUE(server.alive()) << server.stderr_text();
  // Still serving with the old guide.
  RawConnection raw(server.port());
  ASSERT_TRUE(raw.ok());
  raw.send("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_NE(raw.read_response(10s).find("HTTP/1.1 200"), std::string::npos);
  server.signal(SIGTERM);
  const auto status = server.wait_exit(kExitBound);
  ASSERT_TRUE(status.has_value()) << "SIGTERM not handled with a FIFO as the guide\n" << server.stderr_text();
  EXPECT_EQ(*status, 0) << server.stderr_text();
  EXPECT_NE(server.stderr_text().find("not a regular file"), std::string::npos) << server.stderr_text();
  std::remove(guide.c_str());
  ::rmdir(dir.c_str());
}

// The same with the FIFO behind `extends:`, where only the guide loader can see it: if the
// reload blocks there, its thread is left blocked and signals are still handled.
TEST(ServiceAttack, AFifoBehindExtendsNeverBlocksSignals) {
  const std::string dir = ::testing::TempDir() + "svc_fifo_ext_" + std::to_string(::getpid());
  ::mkdir(dir.c_str(), 0755);
  const std::string base = dir + "/base.yaml", guide = dir + "/guide.yaml";
  std::ofstream(base) << "guide: base\nlanguages: [en]\ncontexts:\n  channel: [email]\n  situation: [general]\n"
                         "  audience: [customer]\n  emotion: [neutral]\n"
                         "defaults: {channel: email, situation: general, audience: customer, emotion: neutral}\n"
                         "rules:\n  - id: widget\n    lang: en\n    kind: existence\n    level: error\n"
                         "    message: \"no widgets\"\n    words: [widget]\n";
  std::ofstream(guide) << "guide: child\nextends: base.yaml\n";
  ServeProcess server({"--guide", guide, "--watch-interval", "0"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  std::remove(base.c_str());
  ASSERT_EQ(::mkfifo(base.c_str(), 0644), 0);
  server.signal(SIGHUP);  // reloads every guide, and with it the FIFO behind extends
  std::this_thread::sleep_for(300ms);
  RawConnection raw(server.port());
  ASSERT_TRUE(raw.ok());
  raw.send("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_NE(raw.read_response(10s).find("HTTP/1.1 200"), std::string::npos);
  server.signal(SIGTERM);
  const auto status = server.wait_exit(kExitBound);
  ASSERT_TRUE(status.has_value()) << "SIGTERM not handled with a FIFO behind extends\n" << server.stderr_text();
  EXPECT_EQ(*status, 0) << server.stderr_text();
  std::remove(base.c_str());
  std::remove(guide.c_str());
  ::rmdir(dir.c_str());
}

// --port 99999 bound 99999 mod 65536 and --port 65536 a random port; --max-body -1 removed
// the limit. All are usage errors now, with a message naming the option.
TEST(ServiceAttack, OutOfRangePortsAndNegativeLimitsAreUsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string option;
  };
  const std::vector<Case> cases = {
      {{"--port", "99999"}, "--port"},       {{"--port", "65536"}, "--port"},
      {{"--port", "-1"}, "--port"},          {{"--max-body", "-1"}, "--max-body"},
      {{"--max-text", "-5"}, "--max-text"},  {{"--max-body", "1e9"}, "--max-body"},
      {{"--read-timeout-ms", "-1"}, "--read-timeout-ms"},
      {{"--keep-alive-timeout", "-3"}, "--keep-alive-timeout"},
      {{"--watch-interval", "-1"}, "--watch-interval"},
  };
  for (const Case& c : cases) {
    const auto r = run_tonelint("serve --guide '" + kShippedGuide + "' " + c.args[0] + ' ' + c.args[1]);
    EXPECT_EQ(r.exit_code, 2) << c.args[0] << ' ' << c.args[1] << ": " << r.err;
    EXPECT_NE(r.err.find(c.option), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace tonelint::testing
