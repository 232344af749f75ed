// A soak of `tonelint serve`: a steady open-loop rate for many minutes, a mix of good and
// malformed requests, and a guide reload every 30 s, with the server's memory watched.
//
//   tonelint_service_soak --serve BINARY --guide rules/tonelint.yaml --messages DIR
//       [--minutes 10] [--rate 500] [--connections 8] [--reload-every 30] [--warmup 10]
//
// The server serves a guide in a temporary folder that `extends:` the given one, so every
// reload recompiles the whole shipped guide. Reloads take turns: the file rewritten (the
// server's watcher reloads it), SIGHUP, and every fourth time a broken file first (the server
// must refuse it and keep serving) and the good one 3 s later.
//
// Requests: real support replies (ja and en, /v1/check in four contexts, /v1/fix) and one
// malformed request in every ten, of twelve kinds, each with the status it must get. A
// request counts as an error when its status is not the one expected (200 for good ones) or
// its connection closed without an answer.
//
// Prints, per minute: good requests, their p50/p99/max latency (ms, from when each was due),
// malformed requests, errors, the newest guide generation seen in answers, and the server's
// RSS, descriptors and threads; then the reload counts from /metrics. Exits 1 when a request
// got an error, a reload was not counted as expected (reloads 6 s apart or more), or RSS grew
// by more than 10% between the first and the last minute.
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "http_load.h"
#include "messages.h"

using namespace tonelint;
using bench::Clock;
namespace fs = std::filesystem;

namespace {

struct Request {
  std::string bytes;
  int expect = 200;
  bool good = true;
  const char* kind = "";
};

std::string http_post(const std::string& path, const std::string& body,
                      const std::string& content_type = "application/json") {
  return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string dump(const nlohmann::json& j) { return j.dump(); }

// Twelve ways to get a request wrong, each with the status the service must answer.
std::vector<Request> malformed_requests() {
  std::vector<Request> out;
  auto add = [&](std::string bytes, int expect, const char* kind) { out.push_back({std::move(bytes), expect, false, kind}); };
  add(http_post("/v1/check", R"({"text": "Thanks for waiting", "context": {)"), 400, "truncated JSON");
  add(http_post("/v1/check", R"({"text": 42})"), 400, "text not a string");
  add(http_post("/v1/check", dump({{"text", "hello"}, {"context", {{"emotion", "furious"}}}})), 400, "unknown emotion");
  add(http_post("/v1/check", dump({{"text", "hello"}, {"guide", "no-such-guide"}})), 400, "unknown guide");
  add(http_post("/v1/check", dump({{"text", "hello"}, {"contxt", {{"channel", "chat"}}}})), 400, "unknown field");
  add(http_post("/v1/check", dump({{"text", "hello"}}), "text/plain"), 415, "wrong content type");
  add(http_post("/v1/check", dump({{"text", std::string(70 * 1024, 'a')}})), 413, "text over 64 KiB");
  add("GET /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 405, "wrong method");
  add("GET /v1/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 404, "unknown path");
  add(http_post("/v1/check", "{\"text\": \"caf\xC3\x28 bad UTF-8\"}"), 400, "invalid UTF-8");
  add(http_post("/v1/fix", dump({{"text", "hello"}, {"mode", "everything"}})), 400, "unknown fix mode");
  add(http_post("/v1/check", dump({{"text", "---\ntone: {emotion: livid}\n---\nHello"}, {"format", "markdown"}})), 400,
      "bad front matter");
  return out;
}

// Good requests: each message as /v1/check in one of four contexts, every fifth as /v1/fix.
std::vector<Request> good_requests(const std::vector<std::string>& messages) {
  const std::vector<std::map<std::string, std::string>> contexts = {
      {{"channel", "chat"}, {"emotion", "upset"}},
      {{"channel", "email"}, {"situation", "outage"}},
      {{"channel", "chat"}, {"situation", "billing"}, {"emotion", "anxious"}},
      {{"channel", "email"}, {"audience", "executive"}},
  };
  std::vector<Request> out;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    nlohmann::json body = {{"text", messages[i]}, {"context", contexts[i % contexts.size()]}};
    if (i % 5 == 4) {
      body["mode"] = "all";
      out.push_back({http_post("/v1/fix", body.dump()), 200, true, "fix"});
    } else {
      out.push_back({http_post("/v1/check", body.dump()), 200, true, "check"});
    }
  }
  return out;
}

void write_file(const fs::path& path, const std::string& text) {
  // Beside it, then renamed: the server never reads half a file.
  const fs::path tmp = path.string() + ".tmp";
  std::ofstream(tmp, std::ios::binary | std::ios::trunc) << text;
  fs::rename(tmp, path);
}

std::string wrapper_guide(const fs::path& base, int version) {
  return "guide: tonelint-soak\nextends: " + base.string() + "\ndescription: \"The shipped guide, reload " +
         std::to_string(version) + " of the soak.\"\n";
}

long metric(const std::string& metrics, const std::string& series) {
  const std::size_t at = metrics.find("\n" + series + " ");
  return at == std::string::npos ? -1 : std::strtol(metrics.c_str() + at + series.size() + 2, nullptr, 10);
}

struct Minute {
  std::vector<double> good_ms;
  std::size_t malformed = 0, errors = 0;
  long generation = 0;
  long rss_kib = 0;
  int fds = 0, threads = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string serve_binary, guide_path, messages_dir;
  double minutes = 10, rate = 500, reload_every = 30, warmup = 10;
  int connections = 8;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (arg == "--serve") serve_binary = value();
    else if (arg == "--guide") guide_path = value();
    else if (arg == "--messages") messages_dir = value();
    else if (arg == "--minutes") minutes = std::stod(value());
    else if (arg == "--rate") rate = std::stod(value());
    else if (arg == "--connections") connections = std::stoi(value());
    else if (arg == "--reload-every") reload_every = std::stod(value());
    else if (arg == "--warmup") warmup = std::stod(value());
    else {
      std::cerr << "tonelint_service_soak: unknown argument " << arg << '\n';
      return 2;
    }
  }
  if (serve_binary.empty() || guide_path.empty() || messages_dir.empty()) {
    std::cerr << "usage: tonelint_service_soak --serve BINARY --guide GUIDE --messages DIR [--minutes M] [--rate R]\n"
                 "       [--connections C] [--reload-every S] [--warmup S]\n";
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);

  std::vector<std::string> messages = bench::load_messages(messages_dir + "/ja");
  const std::vector<std::string> en = bench::load_messages(messages_dir + "/en");
  // Interleaved, so every stretch of the run has both languages.
  std::vector<std::string> mixed;
  for (std::size_t i = 0; i < std::max(messages.size(), en.size()); ++i) {
    if (i < messages.size()) mixed.push_back(messages[i]);
    if (i < en.size()) mixed.push_back(en[i]);
  }
  if (mixed.empty()) {
    std::cerr << "no messages under " << messages_dir << '\n';
    return 2;
  }
  const std::vector<Request> good = good_requests(mixed);
  const std::vector<Request> bad = malformed_requests();
  std::vector<Request> plan;  // one malformed request in every ten
  for (std::size_t i = 0, g = 0, b = 0; g < good.size(); ++i) {
    plan.push_back(i % 10 == 9 ? bad[b++ % bad.size()] : good[g++]);
  }
  std::vector<std::string> wire;
  for (const Request& r : plan) wire.push_back(r.bytes);

  char folder_template[] = "/tmp/tonelint-soak-XXXXXX";
  if (mkdtemp(folder_template) == nullptr) return 2;
  const fs::path folder = folder_template;
  const fs::path guide_file = folder / "guide.yaml";
  const fs::path log_file = folder / "serve.log";
  int version = 1;
  write_file(guide_file, wrapper_guide(fs::absolute(guide_path), version));

  const bench::ServeProcess server = bench::start_serve(
      serve_binary, {"--guide", guide_file.string(), "--threads", std::to_string(connections), "--watch-interval", "1"},
      log_file.string());
  if (server.port == 0) {
    std::cerr << "the server did not start; its log: " << log_file << '\n';
    return 2;
  }

  bench::OpenLoop load;
  load.port = server.port;
  load.rate = rate;
  load.connections = connections;
  load.requests = &wire;

  // Warm-up: rules compiled for every context, pools and caches filled; not counted.
  load.seconds = warmup;
  std::size_t warmup_errors = 0;
  load.on_answer = [&](const bench::Answer& a) { warmup_errors += a.status != plan[a.request % plan.size()].expect; };
  bench::drive_open_loop(load);
  const long rss_after_warmup = bench::rss_kib(server.pid);

  const std::size_t total_minutes = static_cast<std::size_t>(std::ceil(minutes));
  std::vector<Minute> per_minute(total_minutes);
  std::map<std::string, std::size_t> errors_by_kind;
  const Clock::time_point start = Clock::now() + std::chrono::milliseconds(100);  // as drive_open_loop starts
  auto minute_of = [&](Clock::time_point t) {
    const auto m = std::chrono::duration_cast<std::chrono::minutes>(t - start).count();
    return static_cast<std::size_t>(std::clamp<long>(m, 0, static_cast<long>(total_minutes) - 1));
  };
  auto record_error = [&](const Request& r, Clock::time_point due) {
    ++per_minute[minute_of(due)].errors;
    ++errors_by_kind[std::string(r.good ? "good " : "malformed ") + r.kind];
  };
  load.on_answer = [&](const bench::Answer& a) {
    const Request& r = plan[a.request % plan.size()];
    Minute& m = per_minute[minute_of(a.due)];
    if (a.status != r.expect) record_error(r, a.due);
    if (!r.good) {
      ++m.malformed;
      return;
    }
    m.good_ms.push_back(a.latency_ms());
    if (const std::size_t at = a.head.find("\r\nX-Tonelint-Guide-Generation: "); at != std::string_view::npos) {
      m.generation = std::max(m.generation, std::strtol(a.head.data() + at + 31, nullptr, 10));
    }
  };
  load.on_failure = [&](std::size_t request, Clock::time_point due) { record_error(plan[request % plan.size()], due); };

  // Reloads and samples, on the client's clock.
  int reload_events = 0, expected_ok = 0, expected_refused = 0;
  Clock::time_point next_reload = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(reload_every));
  Clock::time_point repair_at = Clock::time_point::max();
  Clock::time_point next_sample = start;
  load.on_tick = [&](Clock::time_point now) {
    if (now >= next_sample) {
      Minute& m = per_minute[minute_of(now)];
      m.rss_kib = std::max(m.rss_kib, bench::rss_kib(server.pid));
      m.fds = std::max(m.fds, bench::open_fds(server.pid));
      m.threads = std::max(m.threads, bench::thread_count(server.pid));
      next_sample += std::chrono::seconds(5);
    }
    if (now >= repair_at) {  // the good guide back after a broken one
      write_file(guide_file, wrapper_guide(fs::absolute(guide_path), ++version));
      ++expected_ok;
      repair_at = Clock::time_point::max();
    }
    if (now < next_reload) return;
    next_reload += std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(reload_every));
    ++reload_events;
    if (reload_events % 4 == 3) {
      write_file(guide_file, "guide: tonelint-soak\nextends: [unclosed\n");
      ++expected_refused;
      repair_at = now + std::chrono::milliseconds(static_cast<long>(std::min(3.0, reload_every / 2) * 1000));
    } else if (reload_events % 2 == 1) {
      write_file(guide_file, wrapper_guide(fs::absolute(guide_path), ++version));
      ++expected_ok;
    } else {
      kill(server.pid, SIGHUP);
      ++expected_ok;
    }
  };
  load.seconds = minutes * 60;
  const bench::OpenLoopTotals totals = bench::drive_open_loop(load);
  std::this_thread::sleep_for(std::chrono::seconds(2));  // a last watched reload lands

  const std::string metrics = bench::fetch(server.port, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  const long reloads_ok = metric(metrics, "tonelint_guide_reloads_total{result=\"ok\"}");
  const long reloads_refused = metric(metrics, "tonelint_guide_reloads_total{result=\"refused\"}");
  const int exit_status = bench::stop_serve(server);

  std::printf("soak: %.1f min at %.0f req/s offered over %d connections, one malformed request in ten, a reload every %.0f s\n\n",
              minutes, rate, connections, reload_every);
  std::printf("| minute | good requests | p50 ms | p99 ms | max ms | malformed | errors | guide generation | RSS MB | fds | threads |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::size_t all_errors = 0;
  for (std::size_t i = 0; i < per_minute.size(); ++i) {
    const Minute& m = per_minute[i];
    all_errors += m.errors;
    const double max = m.good_ms.empty() ? 0 : *std::max_element(m.good_ms.begin(), m.good_ms.end());
    std::printf("| %zu | %zu | %.2f | %.2f | %.1f | %zu | %zu | %ld | %.1f | %d | %d |\n", i + 1, m.good_ms.size(),
                bench::percentile(m.good_ms, 0.5), bench::percentile(m.good_ms, 0.99), max, m.malformed, m.errors,
                m.generation, static_cast<double>(m.rss_kib) / 1024.0, m.fds, m.threads);
  }
  std::printf("\nanswered %zu in %.1f s (%.0f req/s), %zu closed unanswered, %zu never answered; warm-up errors %zu\n",
              totals.answered, totals.seconds, static_cast<double>(totals.answered) / totals.seconds, totals.failed,
              totals.unsent, warmup_errors);
  for (const auto& [kind, n] : errors_by_kind) std::printf("errors: %zu × %s\n", n, kind.c_str());
  std::printf("reloads: %d events; /metrics ok %ld (expected %d), refused %ld (expected %d)\n", reload_events, reloads_ok,
              expected_ok, reloads_refused, expected_refused);
  const double rss_first = static_cast<double>(per_minute.front().rss_kib), rss_last = static_cast<double>(per_minute.back().rss_kib);
  std::printf("RSS: %.1f MB after warm-up, %.1f MB in minute 1, %.1f MB in minute %zu (%+.1f%%)\n",
              static_cast<double>(rss_after_warmup) / 1024.0, rss_first / 1024.0, rss_last / 1024.0, per_minute.size(),
              rss_first > 0 ? 100.0 * (rss_last - rss_first) / rss_first : 0.0);
  std::printf("server exit status after SIGTERM: %d\n", exit_status);

  std::error_code ec;
  fs::remove_all(folder, ec);
  // The server polls the file every second: reloads closer than that may merge, so the
  // counts are only held to account from 6 s apart.
  const bool reloads_counted = reload_every < 6 || (reloads_ok == expected_ok && reloads_refused == expected_refused);
  const bool ok = all_errors == 0 && totals.failed == 0 && totals.unsent == 0 && reloads_counted &&
                  rss_last <= rss_first * 1.10 && exit_status == 0;
  std::printf("%s\n", ok ? "soak: passed" : "soak: FAILED");
  return ok ? 0 : 1;
}
