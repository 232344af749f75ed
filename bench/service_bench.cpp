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
// rate: request i is due at start + i/rate whatever happened before, and its latency is
// counted from when it was due (so a stalled server cannot hide behind a slow client:
// no coordinated omission). One thread, epoll, C keep-alive connections. Reports the
// throughput achieved, p50/p99/max, and non-200 or failed responses; then a soak run at
// --soak-rate (default 2000/s) for --soak seconds, sampling the server's RSS (VmRSS) every 5 s.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "messages.h"
#include "tonelint/checker.h"
#include "tonelint/tone_guide.h"

using Clock = std::chrono::steady_clock;
using namespace tonelint;

namespace {

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

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

// --- the server -------------------------------------------------------------------------

struct Child {
  pid_t pid = -1;
  int port = 0;
};

Child start_server(const std::string& binary, const std::string& guide, int threads) {
  int out[2];
  if (pipe(out) != 0) return {};
  Child child;
  child.pid = fork();
  if (child.pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    const std::string t = std::to_string(threads);
    execl(binary.c_str(), binary.c_str(), "serve", "--port", "0", "--guide", guide.c_str(), "--threads", t.c_str(),
          "--watch-interval", "0", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string seen;
  char buffer[256];
  ssize_t n;
  while (child.port == 0 && (n = read(out[0], buffer, sizeof buffer)) > 0) {
    seen.append(buffer, static_cast<std::size_t>(n));
    const std::size_t at = seen.find("127.0.0.1:");
    if (at != std::string::npos && seen.find('\n', at) != std::string::npos) child.port = std::stoi(seen.substr(at + 10));
  }
  close(out[0]);
  return child;
}

long rss_kb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// --- the open-loop client -----------------------------------------------------------------

struct Connection {
  int fd = -1;
  bool busy = false;
  Clock::time_point due;  // when the request in flight was due
  std::string out;
  std::size_t sent = 0;
  std::string in;
};

int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);  // completes asynchronously
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

struct LoadResult {
  double seconds = 0;
  std::size_t ok = 0, bad_status = 0, failed = 0, unsent = 0;
  std::vector<double> latency_ms;
  std::vector<long> rss_kb;
};

// Sends `rate` requests a second for `seconds` over `connections` connections.
LoadResult drive(int port, pid_t server, const std::vector<std::string>& requests, double rate, double seconds,
                 int connections, bool sample_rss) {
  LoadResult result;
  const int ep = epoll_create1(0);
  std::vector<Connection> conns(static_cast<std::size_t>(connections));
  for (std::size_t i = 0; i < conns.size(); ++i) {
    conns[i].fd = connect_to(port);
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT | EPOLLET;
    ev.data.u64 = i;
    epoll_ctl(ep, EPOLL_CTL_ADD, conns[i].fd, &ev);
  }
  const std::size_t total = static_cast<std::size_t>(rate * seconds);
  std::deque<Clock::time_point> backlog;  // due requests waiting for a free connection
  std::size_t next = 0, done = 0, request_index = 0;
  const auto start = Clock::now() + std::chrono::milliseconds(100);
  const auto give_up = start + std::chrono::duration<double>(seconds + 10);
  auto next_rss = start;
  auto due_of = [&](std::size_t i) {
    return start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(static_cast<double>(i) / rate));
  };
  auto flush = [&](Connection& c) {
    while (c.sent < c.out.size()) {
      const ssize_t n = send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      c.sent += static_cast<std::size_t>(n);
    }
  };
  auto dispatch = [&](Connection& c, Clock::time_point due) {
    c.busy = true;
    c.due = due;
    c.out = requests[request_index++ % requests.size()];
    c.sent = 0;
    c.in.clear();
    flush(c);
  };
  epoll_event events[64];
  while (done < total && Clock::now() < give_up) {
    const auto now = Clock::now();
    while (next < total && due_of(next) <= now) backlog.push_back(due_of(next++));
    for (auto& c : conns) {
      if (backlog.empty()) break;
      if (!c.busy && c.fd >= 0) {
        dispatch(c, backlog.front());
        backlog.pop_front();
      }
    }
    if (sample_rss && now >= next_rss) {
      result.rss_kb.push_back(rss_kb(server));
      next_rss += std::chrono::seconds(5);
    }
    int wait_ms = 1;
    if (backlog.empty() && next < total) {
      wait_ms = static_cast<int>(std::max<long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(due_of(next) - now).count()));
      wait_ms = std::min(wait_ms, 5);
    }
    const int n = epoll_wait(ep, events, 64, wait_ms);
    for (int e = 0; e < n; ++e) {
      Connection& c = conns[events[e].data.u64];
      if (events[e].events & EPOLLOUT) flush(c);
      if (!(events[e].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) continue;
      char buffer[16384];
      bool closed = false;
      for (;;) {
        const ssize_t r = recv(c.fd, buffer, sizeof buffer, 0);
        if (r > 0) {
          c.in.append(buffer, static_cast<std::size_t>(r));
          continue;
        }
        closed = r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
        break;
      }
      // A response first (the server may send one and then close: keep-alive limit).
      if (c.busy) {
        const std::size_t head_end = c.in.find("\r\n\r\n");
        std::size_t length = 0;
        if (head_end != std::string::npos) {
          const std::size_t cl = c.in.find("Content-Length: ");
          if (cl != std::string::npos && cl < head_end) length = std::stoul(c.in.substr(cl + 16));
        }
        if (head_end != std::string::npos && c.in.size() >= head_end + 4 + length) {
          const bool ok = c.in.compare(0, 12, "HTTP/1.1 200") == 0;
          (ok ? result.ok : result.bad_status) += 1;
          result.latency_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - c.due).count());
          c.in.erase(0, head_end + 4 + length);
          c.busy = false;
          ++done;
        }
      }
      if (closed) {
        if (c.busy) {  // closed with a request unanswered
          ++result.failed;
          ++done;
        }
        epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
        close(c.fd);
        c = Connection{};
        c.fd = connect_to(port);
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLOUT | EPOLLET;
        ev.data.u64 = events[e].data.u64;
        epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
      }
    }
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.unsent = total - std::min(total, done);
  for (auto& c : conns) close(c.fd);
  close(ep);
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

  Child server = start_server(serve_binary, (*guide)->path(), connections);
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
  drive(server.port, server.pid, requests, 500, 2, connections, false);  // warm-up
  std::printf("| (HTTP, %d connections: ms) | | | | | | |\n", connections);
  std::vector<double> rates;
  std::stringstream list(rates_arg);
  for (std::string r; std::getline(list, r, ',');) rates.push_back(std::stod(r));
  for (double rate : rates) {
    LoadResult r = drive(server.port, server.pid, requests, rate, seconds, connections, false);
    std::printf("| HTTP %.0f req/s offered | %zu in %.1f s = %.0f req/s | %.2f | %.2f | %.2f | %.2f | %zu non-200, %zu failed, %zu unanswered |\n",
                rate, r.ok + r.bad_status, r.seconds, static_cast<double>(r.ok + r.bad_status) / r.seconds,
                percentile(r.latency_ms, 0.5), percentile(r.latency_ms, 0.9), percentile(r.latency_ms, 0.99),
                r.latency_ms.empty() ? 0 : *std::max_element(r.latency_ms.begin(), r.latency_ms.end()), r.bad_status,
                r.failed, r.unsent);
  }
  if (soak > 0) {
    const double rate = soak_rate;
    LoadResult r = drive(server.port, server.pid, requests, rate, soak, connections, true);
    std::printf("| soak %.0f s at %.0f req/s | %zu | %.2f | %.2f | %.2f | %.2f | %zu non-200, %zu failed |\n", soak,
                rate, r.ok + r.bad_status, percentile(r.latency_ms, 0.5), percentile(r.latency_ms, 0.9),
                percentile(r.latency_ms, 0.99),
                r.latency_ms.empty() ? 0 : *std::max_element(r.latency_ms.begin(), r.latency_ms.end()), r.bad_status,
                r.failed);
    std::printf("\nserver RSS (VmRSS, MB) every 5 s:");
    for (long kb : r.rss_kb) std::printf(" %.1f", static_cast<double>(kb) / 1024.0);
    std::printf("\n");
  }
  kill(server.pid, SIGTERM);
  int status = 0;
  waitpid(server.pid, &status, 0);
  std::printf("server exit status after SIGTERM: %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return 0;
}
