// Latency of the library and of `tonelint serve` on chat-sized support replies (≤ 300
// characters, real ones from the shared corpus), checked as chat to an upset customer with
// the shipped guide.
//
//   tonelint_service_bench --messages DIR [--guide G] [--runs N]                  in process
//       [--serve BINARY [--rates 500,1000,2000,4000] [--seconds S] [--soak S]
//        [--connections C]]                                                        over HTTP
//
// In process: every message checked N times through the public API (Checker::check);
// median, p90, p99 and max per language.
// Over HTTP: starts BINARY serve --port 0, then drives POST /v1/check open-loop at each
// rate (http_load.h: latency counted from when each request was due, so there is no
// coordinated omission) over C keep-alive connections. Reports the
// throughput achieved, p50/p99/max, and non-200 or failed responses; then a soak run at
// --soak-rate (default 2000/s) for --soak seconds, sampling the server's RSS (VmRSS) every 5 s.
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http_load.h"
#include "messages.h"
#include "tonelint/checker.h"
#include "tonelint/tone_guide.h"

using namespace tonelint;
using bench::Clock;

namespace {

using bench::percentile;

const std::map<std::string, std::string> kChatUpset = {{"channel", "chat"}, {"emotion", "upset"}};

void in_process(const Checker& checker, const std::string& label, const std::vector<std::string>& messages, int runs) {
  if (messages.empty()) return;
  CheckOptions options;
  options.context = kChatUpset;
  for (const auto& m : messages) (void)checker.check(m, options);  // warm: rules compiled, caches filled
  std::vector<double> us;
  us.reserve(messages.size() * static_cast<std::size_t>(runs));
  std::size_t findings = 0, failures = 0;
  for (int r = 0; r < runs; ++r) {
    for (const auto& m : messages) {
      const auto start = Clock::now();
      auto result = checker.check(m, options);
      us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
      if (!result.ok()) {
        ++failures;
      } else if (r == 0) {
        findings += result->findings.size();
      }
    }
  }
  std::printf("| in process, %s | %zu × %d | %.0f | %.0f | %.0f | %.0f | %zu findings, %zu errors |\n", label.c_str(),
              messages.size(), runs, percentile(us, 0.5), percentile(us, 0.9), percentile(us, 0.99),
              *std::max_element(us.begin(), us.end()), findings, failures);
}

struct LoadResult {
  double seconds = 0;
  std::size_t ok = 0, bad_status = 0, failed = 0, unsent = 0;
  std::vector<double> latency_ms;
  std::vector<long> rss_kib;
};

// Sends `rate` requests a second for `seconds` over `connections` connections.
LoadResult drive(const bench::ServeProcess& server, const std::vector<std::string>& requests, double rate,
                 double seconds, int connections, bool sample_rss) {
  LoadResult result;
  bench::OpenLoop load;
  load.port = server.port;
  load.rate = rate;
  load.seconds = seconds;
  load.connections = connections;
  load.requests = &requests;
  load.on_answer = [&](const bench::Answer& a) {
    (a.status == 200 ? result.ok : result.bad_status) += 1;
    result.latency_ms.push_back(a.latency_ms());
  };
  auto next_rss = Clock::now();
  if (sample_rss) {
    load.on_tick = [&](Clock::time_point now) {
      if (now < next_rss) return;
      result.rss_kib.push_back(bench::rss_kib(server.pid));
      next_rss += std::chrono::seconds(5);
    };
  }
  const bench::OpenLoopTotals totals = bench::drive_open_loop(load);
  result.seconds = totals.seconds;
  result.failed = totals.failed;
  result.unsent = totals.unsent;
  return result;
}

std::string request_for(const std::string& text, int port) {
  const std::string body = nlohmann::json{{"text", text}, {"context", kChatUpset}}.dump();
  return "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

int main(int argc, char** argv) {
  std::string messages_dir, guide_path, serve_binary, rates_arg = "500,1000,2000,4000";
  int runs = 20, connections = 8;
  double seconds = 10, soak = 60, soak_rate = 2000;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (arg == "--messages") messages_dir = value();
    else if (arg == "--guide") guide_path = value();
    else if (arg == "--runs") runs = std::stoi(value());
    else if (arg == "--serve") serve_binary = value();
    else if (arg == "--rates") rates_arg = value();
    else if (arg == "--seconds") seconds = std::stod(value());
    else if (arg == "--soak") soak = std::stod(value());
    else if (arg == "--soak-rate") soak_rate = std::stod(value());
    else if (arg == "--connections") connections = std::stoi(value());
  }
  if (messages_dir.empty()) {
    std::cerr << "usage: tonelint_service_bench --messages DIR [--guide G] [--runs N] [--serve BINARY [--rates R,..] "
                 "[--seconds S] [--soak S] [--connections C]]\n";
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  ToneGuide::Options options;
  options.guide_path = guide_path;
  auto guide = ToneGuide::load(options);
  if (!guide.ok()) {
    std::cerr << guide.status().to_string() << '\n';
    return 2;
  }
  auto checker = Checker::create(*guide);
  if (!checker.ok()) {
    std::cerr << checker.status().to_string() << '\n';
    return 2;
  }
  std::vector<std::string> all;
  std::printf("| run | requests | p50 | p90 | p99 | max | notes |\n|---|---:|---:|---:|---:|---:|---|\n");
  std::printf("| (in process: µs) | | | | | | |\n");
  for (const char* lang : {"ja", "en"}) {
    auto messages = bench::load_messages(messages_dir + "/" + lang);
    in_process(*checker, lang, messages, runs);
    all.insert(all.end(), messages.begin(), messages.end());
  }
  if (serve_binary.empty() || all.empty()) return 0;

  const bench::ServeProcess server = bench::start_serve(
      serve_binary, {"--guide", (*guide)->path(), "--threads", std::to_string(connections), "--watch-interval", "0"});
  if (server.port == 0) {
    std::cerr << "the server did not start\n";
    return 2;
  }
  std::vector<std::string> requests;
  // Interleave ja and en so every stretch of the run has both.
  for (std::size_t i = 0, half = all.size() / 2; i < half; ++i) {
    requests.push_back(request_for(all[i], server.port));
    requests.push_back(request_for(all[all.size() - 1 - i], server.port));
  }
  drive(server, requests, 500, 2, connections, false);  // warm-up
  std::printf("| (HTTP, %d connections: ms) | | | | | | |\n", connections);
  std::vector<double> rates;
  std::stringstream list(rates_arg);
  for (std::string r; std::getline(list, r, ',');) rates.push_back(std::stod(r));
  for (double rate : rates) {
    LoadResult r = drive(server, requests, rate, seconds, connections, false);
    std::printf("| HTTP %.0f req/s offered | %zu in %.1f s = %.0f req/s | %.2f | %.2f | %.2f | %.2f | %zu non-200, %zu failed, %zu unanswered |\n",
                rate, r.ok + r.bad_status, r.seconds, static_cast<double>(r.ok + r.bad_status) / r.seconds,
                percentile(r.latency_ms, 0.5), percentile(r.latency_ms, 0.9), percentile(r.latency_ms, 0.99),
                r.latency_ms.empty() ? 0 : *std::max_element(r.latency_ms.begin(), r.latency_ms.end()), r.bad_status,
                r.failed, r.unsent);
  }
  if (soak > 0) {
    const double rate = soak_rate;
    LoadResult r = drive(server, requests, rate, soak, connections, true);
    std::printf("| soak %.0f s at %.0f req/s | %zu | %.2f | %.2f | %.2f | %.2f | %zu non-200, %zu failed |\n", soak,
                rate, r.ok + r.bad_status, percentile(r.latency_ms, 0.5), percentile(r.latency_ms, 0.9),
                percentile(r.latency_ms, 0.99),
                r.latency_ms.empty() ? 0 : *std::max_element(r.latency_ms.begin(), r.latency_ms.end()), r.bad_status,
                r.failed);
    std::printf("\nserver RSS (VmRSS, MB) every 5 s:");
    for (long kb : r.rss_kib) std::printf(" %.1f", static_cast<double>(kb) / 1024.0);
    std::printf("\n");
  }
  std::printf("server exit status after SIGTERM: %d\n", bench::stop_serve(server));
  return 0;
}
