#include "http_load.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <deque>
#include <fstream>

namespace tonelint::bench {
namespace {

int connect_to(int port, bool blocking) {
  const int fd = socket(AF_INET, SOCK_STREAM | (blocking ? 0 : SOCK_NONBLOCK), 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // Non-blocking: completes asynchronously (EINPROGRESS); a failure shows as EPOLLERR.
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 && blocking) {
    close(fd);
    return -1;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

long proc_status_field(pid_t pid, const char* field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  const std::string prefix = std::string(field) + ":";
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) == 0) return std::strtol(line.c_str() + prefix.size(), nullptr, 10);
  }
  return -1;
}

// Where the first whole response in `in` ends, or npos. A response to HEAD is not expected.
std::size_t response_end(const std::string& in, std::size_t* head_end) {
  *head_end = in.find("\r\n\r\n");
  if (*head_end == std::string::npos) return std::string::npos;
  std::size_t length = 0;
  const std::size_t cl = in.find("\r\nContent-Length: ");
  if (cl != std::string::npos && cl < *head_end) length = std::strtoul(in.c_str() + cl + 18, nullptr, 10);
  const std::size_t end = *head_end + 4 + length;
  return in.size() >= end ? end : std::string::npos;
}

bool says_close(std::string_view head) {
  return head.find("\r\nConnection: close\r\n") != std::string_view::npos ||
         head.substr(head.size() >= 19 ? head.size() - 19 : 0) == "\r\nConnection: close";
}

struct Connection {
  int fd = -1;
  bool busy = false;
  bool closing = false;  // the server said Connection: close: reopen before the next request
  std::size_t request = 0;
  Clock::time_point due;
  const std::string* out = nullptr;
  std::size_t sent = 0;
  std::string in;
};

}  // namespace

ServeProcess start_serve(const std::string& binary, const std::vector<std::string>& args,
                         const std::string& stderr_path) {
  int out[2];
  if (pipe(out) != 0) return {};
  ServeProcess child;
  child.pid = fork();
  if (child.pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    if (!stderr_path.empty()) {
      const int err = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (err >= 0) dup2(err, 2);
    }
    std::vector<std::string> argv_s = {binary, "serve", "--port", "0"};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string seen;
  char buffer[256];
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (child.port == 0 && Clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    const ssize_t n = read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    seen.append(buffer, static_cast<std::size_t>(n));
    const std::size_t at = seen.find("127.0.0.1:");
    if (at != std::string::npos && seen.find('\n', at) != std::string::npos) {
      child.port = std::atoi(seen.c_str() + at + 10);
    }
  }
  close(out[0]);
  return child;
}

int stop_serve(const ServeProcess& server) {
  if (server.pid <= 0) return -1;
  kill(server.pid, SIGTERM);
  int status = 0;
  waitpid(server.pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

long rss_kib(pid_t pid) { return proc_status_field(pid, "VmRSS"); }

int thread_count(pid_t pid) { return static_cast<int>(proc_status_field(pid, "Threads")); }

int open_fds(pid_t pid) {
  DIR* dir = opendir(("/proc/" + std::to_string(pid) + "/fd").c_str());
  if (dir == nullptr) return -1;
  int n = 0;
  while (const dirent* e = readdir(dir)) {
    if (e->d_name[0] != '.') ++n;
  }
  closedir(dir);
  return n;
}

std::string fetch(int port, const std::string& request, int timeout_ms) {
  const int fd = connect_to(port, true);
  if (fd < 0) return {};
  std::string in;
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    char buffer[16384];
    std::size_t head_end = 0;
    while (response_end(in, &head_end) == std::string::npos && Clock::now() < deadline) {
      pollfd p{fd, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      in.append(buffer, static_cast<std::size_t>(n));
    }
  }
  close(fd);
  return in;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t i = std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())));
  return values[i];
}

OpenLoopTotals drive_open_loop(const OpenLoop& load) {
  OpenLoopTotals totals;
  const std::vector<std::string>& requests = *load.requests;
  const int ep = epoll_create1(0);
  std::vector<Connection> conns(static_cast<std::size_t>(std::max(1, load.connections)));
  auto open_connection = [&](std::size_t i) {
    conns[i] = Connection{};
    conns[i].fd = connect_to(load.port, false);
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT | EPOLLET;
    ev.data.u64 = i;
    epoll_ctl(ep, EPOLL_CTL_ADD, conns[i].fd, &ev);
  };
  auto close_connection = [&](std::size_t i) {
    epoll_ctl(ep, EPOLL_CTL_DEL, conns[i].fd, nullptr);
    close(conns[i].fd);
    open_connection(i);
  };
  for (std::size_t i = 0; i < conns.size(); ++i) open_connection(i);

  const std::size_t total = static_cast<std::size_t>(load.rate * load.seconds);
  std::deque<std::size_t> backlog;  // due requests waiting for a free connection
  std::size_t next = 0, done = 0;
  const auto start = Clock::now() + std::chrono::milliseconds(100);
  const auto give_up = start + std::chrono::duration<double>(load.seconds + 10);
  auto due_of = [&](std::size_t i) {
    return start + std::chrono::duration_cast<Clock::duration>(
                       std::chrono::duration<double>(static_cast<double>(i) / load.rate));
  };
  auto flush = [&](Connection& c) {
    while (c.out != nullptr && c.sent < c.out->size()) {
      const ssize_t n = send(c.fd, c.out->data() + c.sent, c.out->size() - c.sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      c.sent += static_cast<std::size_t>(n);
    }
  };
  auto fail = [&](Connection& c) {
    ++totals.failed;
    ++done;
    if (load.on_failure) load.on_failure(c.request, c.due);
  };
  epoll_event events[64];
  while (done < total && Clock::now() < give_up) {
    const auto now = Clock::now();
    if (load.on_tick) load.on_tick(now);
    while (next < total && due_of(next) <= now) backlog.push_back(next++);
    for (std::size_t i = 0; i < conns.size() && !backlog.empty(); ++i) {
      Connection& c = conns[i];
      if (c.busy || c.fd < 0) continue;
      if (c.closing) close_connection(i);
      c.busy = true;
      c.request = backlog.front();
      c.due = due_of(c.request);
      c.out = &requests[c.request % requests.size()];
      c.sent = 0;
      backlog.pop_front();
      flush(c);
    }
    int wait_ms = 1;
    if (backlog.empty() && next < total) {
      const auto until = std::chrono::duration_cast<std::chrono::milliseconds>(due_of(next) - now).count();
      wait_ms = static_cast<int>(std::clamp<long>(until, 0, 5));
    }
    const int n = epoll_wait(ep, events, 64, wait_ms);
    for (int e = 0; e < n; ++e) {
      const std::size_t i = events[e].data.u64;
      Connection& c = conns[i];
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
      // A response first: the server may send one and then close.
      std::size_t head_end = 0;
      const std::size_t end = c.busy ? response_end(c.in, &head_end) : std::string::npos;
      if (end != std::string::npos) {
        Answer a;
        a.request = c.request;
        a.status = c.in.compare(0, 9, "HTTP/1.1 ") == 0 ? std::atoi(c.in.c_str() + 9) : 0;
        a.head = std::string_view(c.in).substr(0, head_end);
        a.body = std::string_view(c.in).substr(head_end + 4, end - head_end - 4);
        a.due = c.due;
        a.done = Clock::now();
        if (load.on_answer) load.on_answer(a);
        c.closing = says_close(a.head);
        c.in.erase(0, end);
        c.busy = false;
        ++totals.answered;
        ++done;
      }
      if (closed) {
        if (c.busy) fail(c);  // closed with a request unanswered
        close_connection(i);
      }
    }
  }
  totals.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  totals.unsent = total - std::min(total, done);
  for (auto& c : conns) close(c.fd);
  close(ep);
  return totals;
}

}  // namespace tonelint::bench
