// Shared by the service benchmarks: starting `tonelint serve` as a child process, reading
// its memory from /proc, and an open-loop HTTP/1.1 client over loopback.
//
// Open loop: request i is due at start + i/rate whatever happened before, and its latency
// is counted from when it was due, so a stalled server cannot hide behind a slow client (no
// coordinated omission). One thread, epoll, a fixed set of keep-alive connections; a
// connection the server closes (keep-alive limit, `Connection: close`) is reopened.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tonelint::bench {

using Clock = std::chrono::steady_clock;

struct ServeProcess {
  pid_t pid = -1;
  int port = 0;  // 0: it did not start
};

// Starts `BINARY serve --port 0 ARGS...`, its stderr to `stderr_path` (empty: inherited),
// and waits for the port it prints.
ServeProcess start_serve(const std::string& binary, const std::vector<std::string>& args,
                         const std::string& stderr_path = "");
// SIGTERM, then waits; the exit status (-1: killed by a signal).
int stop_serve(const ServeProcess& server);

// From /proc/PID: resident memory (VmRSS, KiB), open descriptors, threads; -1 if unknown.
long rss_kib(pid_t pid);
int open_fds(pid_t pid);
int thread_count(pid_t pid);

// One blocking request on a new connection (for /metrics and the like, outside the load);
// the whole response, or empty on failure.
std::string fetch(int port, const std::string& request, int timeout_ms = 5000);

double percentile(std::vector<double> values, double p);

// A response to request `request` (an index into the due sequence; it sent
// requests[request % requests.size()]).
struct Answer {
  std::size_t request = 0;
  int status = 0;
  std::string_view head;  // status line and headers
  std::string_view body;
  Clock::time_point due;
  Clock::time_point done;
  double latency_ms() const { return std::chrono::duration<double, std::milli>(done - due).count(); }
};

struct OpenLoop {
  int port = 0;
  double rate = 1000;      // requests a second
  double seconds = 10;
  int connections = 8;
  const std::vector<std::string>* requests = nullptr;  // raw HTTP requests, sent in turn
  std::function<void(const Answer&)> on_answer;
  // The connection closed with this request unanswered.
  std::function<void(std::size_t request, Clock::time_point due)> on_failure;
  // Called at least every 5 ms with the current time (sampling, scheduled events).
  std::function<void(Clock::time_point now)> on_tick;
};

struct OpenLoopTotals {
  double seconds = 0;
  std::size_t answered = 0, failed = 0, unsent = 0;  // unsent: due but never answered by the end
};

OpenLoopTotals drive_open_loop(const OpenLoop& load);

}  // namespace tonelint::bench
