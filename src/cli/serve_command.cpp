// `tonelint serve`: the HTTP JSON service. Signals are taken synchronously by one thread
// (sigtimedwait), which also polls the guide files: SIGHUP or a changed file reloads; SIGTERM
// or SIGINT stops accepting, lets requests in flight finish, and exits 0.
#include <signal.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "server/guide_registry.h"
#include "server/http_server.h"

namespace tonelint::cli {
namespace {

struct ServeOptions {
  std::vector<std::string> guides;
  server::ServerOptions http;
  double watch_interval = 1.0;  // seconds between polls of the guide files; 0: only SIGHUP
};

void log_reload(const server::ReloadReport& report, const char* why) {
  if (report.reloaded > 0) std::cerr << "tonelint serve: " << why << ": reloaded " << report.reloaded << " guide(s)\n";
  for (const Status& s : report.refused) {
    std::cerr << "tonelint serve: " << why << ": refused, the old guide keeps serving: " << s.to_string() << '\n';
  }
}

int run_serve(const ServeOptions& options) {
  // Blocked in every thread (those made later inherit the mask), so only sigtimedwait below sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up is a write error, not the end of the service

  auto dictionaries = Dictionaries::load();
  if (!dictionaries.ok()) {
    std::cerr << "tonelint serve: " << dictionaries.status().to_string() << '\n';
    return kExitUsage;
  }
  std::vector<std::string> guides = options.guides;
  if (guides.empty()) {
    const std::string shipped = shipped_guide();
    if (shipped.empty()) {
      std::cerr << "tonelint serve: no guide found: pass --guide FILE|DIR\n";
      return kExitUsage;
    }
    guides.push_back(shipped);
  }
  auto registry = server::GuideRegistry::open(guides, *dictionaries);
  if (!registry.ok()) {
    std::cerr << "tonelint serve: " << registry.status().to_string() << '\n';
    return kExitUsage;
  }
  server::Metrics metrics;
  server::HttpServer http(options.http, **registry, metrics);
  auto port = http.bind();
  if (!port.ok()) {
    std::cerr << "tonelint serve: " << port.status().to_string() << '\n';
    return kExitUsage;
  }
  for (const auto& g : (*registry)->snapshot()->guides) {
    std::cerr << "tonelint serve: guide '" << g->guide().id() << "' from " << g->file << '\n';
  }
  // On stdout, flushed: scripts and tests read the port from here.
  std::cout << "tonelint serve: listening on http://" << options.http.host << ':' << *port << std::endl;

  bool served = true;
  std::thread listener([&] { served = http.run(); });
  auto next_poll = std::chrono::steady_clock::now();
  for (;;) {
    timespec wait{0, 200'000'000};  // wake now and then to poll the guide files
    siginfo_t info;
    const int sig = sigtimedwait(&signals, &info, &wait);
    if (sig == SIGTERM || sig == SIGINT) {
      std::cerr << "tonelint serve: " << (sig == SIGTERM ? "SIGTERM" : "SIGINT")
                << ": finishing requests in flight, then exiting\n";
      break;
    }
    if (sig == SIGHUP) {
      const auto report = (*registry)->reload(false);
      for (int i = 0; i < report.reloaded; ++i) metrics.record_reload(true);
      for (std::size_t i = 0; i < report.refused.size(); ++i) metrics.record_reload(false);
      log_reload(report, "SIGHUP");
      continue;
    }
    if (options.watch_interval > 0 && std::chrono::steady_clock::now() >= next_poll) {
      next_poll = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                         std::chrono::duration<double>(options.watch_interval));
      const auto report = (*registry)->reload(true);
      for (int i = 0; i < report.reloaded; ++i) metrics.record_reload(true);
      for (std::size_t i = 0; i < report.refused.size(); ++i) metrics.record_reload(false);
      log_reload(report, "guide file changed");
    }
  }
  http.stop();
  listener.join();
  std::cerr << "tonelint serve: stopped\n";
  return served ? kExitOk : kExitUsage;
}

}  // namespace

std::function<int()> add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve checks over HTTP (JSON): /v1/check, /v1/fix, /v1/guides, /healthz, /metrics");
  cmd->add_option("--guide", options->guides,
                  "Guide file, or a folder of *.yaml guides; repeatable. The first is the default (default: the shipped guide)");
  cmd->add_option("--host", options->http.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", options->http.port, "Port; 0 picks a free one (printed on stdout)")->capture_default_str();
  cmd->add_option("--threads", options->http.threads, "Connections served at once (one thread each)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--max-body", options->http.max_body_bytes, "Largest request body in bytes (413 above)")
      ->capture_default_str();
  cmd->add_option("--max-text", options->http.max_text_bytes, "Largest 'text' in bytes (413 above)")->capture_default_str();
  cmd->add_option("--read-timeout-ms", options->http.read_timeout_ms,
                  "Drop a client that sends nothing for this long mid-request")
      ->capture_default_str();
  cmd->add_option("--write-timeout-ms", options->http.write_timeout_ms,
                  "Drop a client that reads nothing for this long")
      ->capture_default_str();
  cmd->add_option("--keep-alive-timeout", options->http.keep_alive_timeout_s, "Close idle connections after this many seconds")
      ->capture_default_str();
  cmd->add_option("--watch-interval", options->watch_interval,
                  "Seconds between checks of the guide files for changes (0: reload on SIGHUP only)")
      ->capture_default_str();
  return [options] { return run_serve(*options); };
}

}  // namespace tonelint::cli
