// `tonelint serve`: the HTTP JSON service. Signals are taken synchronously by one thread
// (sigtimedwait), which also times the polls of the guide files: SIGHUP or a changed file
// reloads, on a thread of its own (GuideReloader) so a reload never delays a signal; SIGTERM
// or SIGINT stops accepting, lets requests in flight finish, and exits 0.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
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

// Runs guide reloads on its own thread, one at a time; requests made while one runs are
// merged into the next (a SIGHUP wins over a poll).
class GuideReloader {
 public:
  enum Kind { kNone, kChanged, kAll };
  GuideReloader(server::GuideRegistry& registry, server::Metrics& metrics)
      : registry_(registry), metrics_(metrics), thread_([this] { loop(); }) {}
  ~GuideReloader() {
    // A thread still blocked in the file system is let go; run_serve exits without
    // returning then (std::_Exit), so it never outlives what it uses in practice.
    if (thread_.joinable() && !stop(std::chrono::seconds(2))) thread_.detach();
  }

  void request(Kind kind) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      pending_ = std::max(pending_, kind);
    }
    wake_.notify_one();
  }

  // Asks the thread to end and waits up to `timeout`; false if it is still blocked.
  bool stop(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    stopping_ = true;
    wake_.notify_one();
    if (!done_cv_.wait_for(lock, timeout, [this] { return done_; })) return false;
    lock.unlock();
    thread_.join();
    return true;
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stopping_ || pending_ != kNone; });
      if (stopping_) break;
      const Kind kind = pending_;
      pending_ = kNone;
      lock.unlock();
      const auto report = registry_.reload(kind == kChanged);
      for (int i = 0; i < report.reloaded; ++i) metrics_.record_reload(true);
      for (std::size_t i = 0; i < report.refused.size(); ++i) metrics_.record_reload(false);
      log_reload(report, kind == kAll ? "SIGHUP" : "guide file changed");
      lock.lock();
    }
    done_ = true;
    done_cv_.notify_all();
  }

  server::GuideRegistry& registry_;
  server::Metrics& metrics_;
  std::mutex mutex_;
  std::condition_variable wake_, done_cv_;
  Kind pending_ = kNone;
  bool stopping_ = false;
  bool done_ = false;
  std::thread thread_;  // last: started once the members it uses exist
};

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

  // Guides are reloaded on a thread of their own: a reload that blocks (a guide file that
  // is a FIFO, a hung network mount) must never keep SIGTERM or SIGHUP from being handled.
  GuideReloader reloader(**registry, metrics);
  std::atomic<bool> listener_done{false};
  bool served = true;
  std::thread listener([&] {
    served = http.run();
    listener_done = true;
  });
  auto next_poll = std::chrono::steady_clock::now();
  int stop_signal = 0;
  for (;;) {
    timespec wait{0, 200'000'000};  // wake now and then to poll the guide files
    siginfo_t info;
    const int sig = sigtimedwait(&signals, &info, &wait);
    if (sig == SIGTERM || sig == SIGINT) {
      std::cerr << "tonelint serve: " << (sig == SIGTERM ? "SIGTERM" : "SIGINT")
                << ": finishing requests in flight, then exiting\n";
      stop_signal = sig;
      break;
    }
    if (sig == SIGHUP) {
      reloader.request(GuideReloader::kAll);
      continue;
    }
    if (options.watch_interval > 0 && std::chrono::steady_clock::now() >= next_poll) {
      next_poll = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                         std::chrono::duration<double>(options.watch_interval));
      reloader.request(GuideReloader::kChanged);
    }
  }
  http.stop();
  // Requests in flight finish; a second SIGTERM or SIGINT meanwhile ends the process at once.
  while (!listener_done) {
    timespec wait{0, 50'000'000};
    siginfo_t info;
    const int sig = sigtimedwait(&signals, &info, &wait);
    if (sig == SIGTERM || sig == SIGINT) {
      std::cerr << "tonelint serve: a second signal: exiting now, without waiting for requests in flight" << std::endl;
      std::_Exit(128 + sig);
    }
  }
  listener.join();
  if (!reloader.stop(std::chrono::seconds(2))) {
    // Its thread is blocked in the file system; nothing it holds needs saving.
    std::cerr << "tonelint serve: a guide reload is still blocked; exiting without it" << std::endl;
    std::_Exit(served ? kExitOk : kExitUsage);
  }
  std::cerr << "tonelint serve: stopped (" << (stop_signal == SIGTERM ? "SIGTERM" : "SIGINT") << ")\n";
  return served ? kExitOk : kExitUsage;
}

}  // namespace

std::function<int()> add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve checks over HTTP (JSON): /v1/check, /v1/fix, /v1/guides, /healthz, /metrics");
  cmd->add_option("--guide", options->guides,
                  "Guide file, or a folder of *.yaml guides; repeatable. The first is the default (default: the shipped guide)");
  cmd->add_option("--host", options->http.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", options->http.port, "Port; 0 picks a free one (printed on stdout)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", options->http.threads, "Connections served at once (one thread each)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  // Checked as text before conversion: CLI11 would wrap "-1" round to SIZE_MAX, no limit at all.
  const CLI::Validator byte_count(
      [](std::string& value) -> std::string {
        if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) return "";
        return "must be a number of bytes, 0 or more (got '" + value + "')";
      },
      "BYTES");
  cmd->add_option("--max-body", options->http.max_body_bytes, "Largest request body in bytes (413 above)")
      ->capture_default_str()
      ->check(byte_count);
  cmd->add_option("--max-text", options->http.max_text_bytes, "Largest 'text' in bytes (413 above)")
      ->capture_default_str()
      ->check(byte_count);
  cmd->add_option("--read-timeout-ms", options->http.read_timeout_ms,
                  "Drop a client that sends nothing for this long mid-request")
      ->capture_default_str()
      ->check(CLI::Range(1, 3'600'000));
  cmd->add_option("--write-timeout-ms", options->http.write_timeout_ms,
                  "Drop a client that reads nothing for this long")
      ->capture_default_str()
      ->check(CLI::Range(1, 3'600'000));
  cmd->add_option("--keep-alive-timeout", options->http.keep_alive_timeout_s, "Close idle connections after this many seconds")
      ->capture_default_str()
      ->check(CLI::Range(0, 3600));
  cmd->add_option("--watch-interval", options->watch_interval,
                  "Seconds between checks of the guide files for changes (0: reload on SIGHUP only)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 86400.0));
  return [options] { return run_serve(*options); };
}

}  // namespace tonelint::cli
