#include "server/http_server.h"

#include <httplib.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>

#include "api/json_api.h"
#include "report/report_format.h"
#include "tonelint/report.h"
#include "server/request_framing.h"

namespace tonelint::server {
namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kJson = "application/json";

// When the request on this worker thread arrived at routing (before its body was read).
thread_local Clock::time_point t_request_start{};

void send_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, kJson);
}

std::string error_body(const std::string& message, const std::string& field = "") {
  nlohmann::json error = {{"message", message}};
  if (!field.empty()) error["field"] = field;
  return nlohmann::json{{"error", error}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void send_error(httplib::Response& res, int status, const std::string& message, const std::string& field = "") {
  send_json(res, status, error_body(message, field));
}

const char* reason(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "no such endpoint";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    case 415: return "unsupported media type";
    default: return status >= 500 ? "internal error" : "request refused";
  }
}

// Endpoints named in metrics: the known ones, everything else as "other" (bounded labels).
std::string endpoint_of(const std::string& path) {
  for (const char* known : {"/v1/check", "/v1/fix", "/v1/guides", "/healthz", "/metrics"}) {
    if (path == known) return known;
  }
  return "other";
}

bool is_json_content_type(const std::string& value) {
  std::string lower;
  for (char c : value) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower.rfind("application/json", 0) == 0 &&
         (lower.size() == 16 || lower[16] == ';' || lower[16] == ' ');
}

int http_status_of(const Status& s) {
  switch (s.code()) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kInvalidUtf8:
    case ErrorCode::kBinary:
    case ErrorCode::kParse:
    case ErrorCode::kNotFound: return 400;
    case ErrorCode::kTooLarge: return 413;
    default: return 500;
  }
}

// One client connection, a socket or bytes in memory (serve_connection).
class Connection {
 public:
  virtual ~Connection() = default;
  // Up to `size` bytes: > 0 read, 0 the client closed (or an error), -1 nothing within timeout_ms.
  virtual ssize_t read_some(char* ptr, std::size_t size, int timeout_ms) = 0;
  virtual bool write_all(std::string_view bytes) = 0;
  // After a refusal: the client may still be sending a body that is not read.
  virtual void close_after_refusal() {}
};

class MemoryConnection final : public Connection {
 public:
  explicit MemoryConnection(std::string_view in) : in_(in) {}
  ssize_t read_some(char* ptr, std::size_t size, int) override {
    const std::size_t n = std::min(size, in_.size() - read_);
    std::copy_n(in_.data() + read_, n, ptr);
    read_ += n;
    return static_cast<ssize_t>(n);  // 0 at the end: the client closed
  }
  bool write_all(std::string_view bytes) override {
    out_.append(bytes);
    return true;
  }
  std::string take_output() { return std::move(out_); }

 private:
  std::string_view in_;
  std::size_t read_ = 0;
  std::string out_;
};

class SocketConnection final : public Connection {
 public:
  SocketConnection(int fd, int write_timeout_ms) : fd_(fd), write_timeout_ms_(write_timeout_ms) {}
  ssize_t read_some(char* ptr, std::size_t size, int timeout_ms) override {
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, timeout_ms);
    if (ready == 0) return -1;
    if (ready < 0) return errno == EINTR ? -1 : 0;
    const ssize_t n = ::recv(fd_, ptr, size, 0);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return -1;
    return n < 0 ? 0 : n;
  }
  bool write_all(std::string_view bytes) override {
    while (!bytes.empty()) {
      pollfd p{fd_, POLLOUT, 0};
      if (::poll(&p, 1, write_timeout_ms_) <= 0) return false;
      const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }
  // A lingering close: closing with unread bytes would reset the connection, and the client
  // could lose the refusal before reading it. So: no more writes, then what the client still
  // sends is read and dropped, for a second or a few MiB at most.
  void close_after_refusal() override {
    ::shutdown(fd_, SHUT_WR);
    const auto deadline = Clock::now() + std::chrono::seconds(1);
    std::size_t drained = 0;
    char sink[16 << 10];
    while (drained < (8u << 20) && Clock::now() < deadline) {
      const ssize_t n = read_some(sink, sizeof sink, 100);
      if (n == 0) break;
      if (n > 0) drained += static_cast<std::size_t>(n);
    }
  }

 private:
  int fd_;
  int write_timeout_ms_;
};

// The stream httplib reads one framed request from; what it writes is sent once it has
// answered (output()), in one piece.
class RequestStream final : public httplib::Stream {
 public:
  explicit RequestStream(std::string request) : in_(std::move(request)) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, std::size_t size) override {
    const std::size_t n = std::min(size, in_.size() - read_);
    std::copy_n(in_.data() + read_, n, ptr);
    read_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, std::size_t size) override {
    out_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 0;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 0;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  const std::string& output() const { return out_; }

 private:
  std::string in_;
  std::size_t read_ = 0;
  std::string out_;
};

}  // namespace

// httplib::Server, with its per-connection loop replaced: requests are framed here (see
// request_framing.h) and handed to httplib's one-request step one at a time, over a
// socket or over bytes in memory (serve_connection).
class HttpServer::Engine final : public httplib::Server {
 public:
  using RefusalLogger = std::function<void(const std::string& target, int status)>;
  Engine(const ServerOptions& options, RefusalLogger log_refusal)
      : options_(options), log_refusal_(std::move(log_refusal)) {}

  std::string serve_connection(std::string_view bytes, int max_requests) {
    MemoryConnection connection(bytes);
    serve(connection, max_requests, /*over_socket=*/false);
    return connection.take_output();
  }

  // Closes the listening socket, whether or not listen_after_bind() has started yet:
  // httplib's own stop() does nothing before its loop has begun, and a SIGTERM that came
  // that early was lost. The loop sees the invalid socket and ends.
  void stop_listening() {
    const socket_t sock = svr_sock_.exchange(INVALID_SOCKET);
    if (sock != INVALID_SOCKET) {
      ::shutdown(sock, SHUT_RDWR);
      ::close(sock);
    }
  }

 private:
  bool stopping() const { return svr_sock_ == INVALID_SOCKET; }

  bool process_and_close_socket(socket_t sock) override {
    SocketConnection connection(sock, std::max(1, options_.write_timeout_ms));
    serve(connection, std::max(1, options_.keep_alive_max_requests), /*over_socket=*/true);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return true;
  }

  // Reads more into `buffer`: false when the client closed or was silent too long. `idle`:
  // between requests (the keep-alive timeout, and a stopping server closes the connection).
  bool read_more(Connection& connection, std::string& buffer, bool idle, bool over_socket) {
    const int timeout_ms = idle ? std::max(0, options_.keep_alive_timeout_s) * 1000 : std::max(1, options_.read_timeout_ms);
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    char chunk[16 << 10];
    for (;;) {
      if (idle && over_socket && stopping()) return false;
      // At least one look, even with no time left (a keep-alive timeout of 0: only what is
      // already there); short slices while idle, so a stopping server does not wait it out.
      const auto left =
          std::max<long long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
      const ssize_t n = connection.read_some(chunk, sizeof chunk, static_cast<int>(idle ? std::min<long long>(left, 100) : left));
      if (n == 0) return false;
      if (n > 0) {
        buffer.append(chunk, static_cast<std::size_t>(n));
        return true;
      }
      if (left == 0) return false;
    }
  }

  void refuse(Connection& connection, const std::string& target, int status, const std::string& message) {
    const std::string body = error_body(message);
    connection.write_all("HTTP/1.1 " + std::to_string(status) + ' ' + reason_phrase(status) +
                         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                         "\r\nConnection: close\r\n\r\n" + body);
    log_refusal_(target, status);
    connection.close_after_refusal();
  }

  // `over_socket`: a connection accepted by the listener, closed once the server is stopping.
  void serve(Connection& connection, int max_requests, bool over_socket) {
    std::string buffer;  // read from the connection, not yet served (pipelined requests)
    for (int served = 0; served < max_requests; ++served) {
      std::size_t head_end;
      HeadScanner scanner;
      while ((head_end = scanner.find_end(buffer)) == std::string::npos) {
        if (buffer.size() > kMaxHeadBytes) {
          return refuse(connection, "", 431, "the request head is over " + std::to_string(kMaxHeadBytes) + " bytes");
        }
        if (!read_more(connection, buffer, /*idle=*/buffer.find_first_not_of("\r\n") == std::string::npos, over_socket)) return;
      }
      if (head_end > kMaxHeadBytes) {
        return refuse(connection, "", 431, "the request head is over " + std::to_string(kMaxHeadBytes) + " bytes");
      }
      RequestPlan plan = plan_request(std::string_view(buffer).substr(0, head_end), options_.max_body_bytes);
      if (plan.refuse != 0) return refuse(connection, plan.target, plan.refuse, plan.message);
      buffer.erase(0, head_end);
      // The final status comes before the body when it is already known (above); else 100.
      if (plan.expect_continue && plan.version == "HTTP/1.1" &&
          !connection.write_all("HTTP/1.1 100 Continue\r\n\r\n")) {
        return;
      }
      std::string request;  // for httplib: the normalized head, then the body
      if (plan.framing == BodyFraming::kLength) {
        const auto length = static_cast<std::size_t>(plan.length);
        while (buffer.size() < length) {
          if (!read_more(connection, buffer, false, over_socket)) return;  // cut short: dropped, never checked
        }
        request = normalized_head(plan, length);
        request.append(buffer, 0, length);
        buffer.erase(0, length);
      } else if (plan.framing == BodyFraming::kChunked) {
        ChunkedDecoder decoder(options_.max_body_bytes);
        for (;;) {
          buffer.erase(0, decoder.feed(buffer));
          if (decoder.state() == ChunkedDecoder::State::kBad) {
            return refuse(connection, plan.target, 400, "malformed chunked body");
          }
          if (decoder.state() == ChunkedDecoder::State::kTooLarge) {
            return refuse(connection, plan.target, 413,
                          "the body is over the limit of " + std::to_string(options_.max_body_bytes) + " bytes");
          }
          if (decoder.state() == ChunkedDecoder::State::kDone) break;
          if (!read_more(connection, buffer, false, over_socket)) return;
        }
        request = normalized_head(plan, decoder.body().size()) + decoder.body();
      } else {
        request = normalized_head(plan, 0);
      }
      RequestStream stream(std::move(request));
      bool closed = false;
      const bool last = served + 1 == max_requests || (over_socket && stopping());
      const bool ok = process_request(stream, last, closed, nullptr);
      if (!connection.write_all(stream.output()) || !ok || closed || last) return;
    }
  }

  const ServerOptions& options_;
  RefusalLogger log_refusal_;
};

HttpServer::HttpServer(ServerOptions options, GuideRegistry& registry, Metrics& metrics)
    : options_(std::move(options)),
      registry_(registry),
      metrics_(metrics),
      http_(std::make_unique<Engine>(options_, [this](const std::string& target, int status) {
        // Refused before httplib parsed it: counted like httplib's own refusals, no duration.
        metrics_.record_request(endpoint_of(target.substr(0, target.find('?'))), status, -1);
      })) {
  const std::size_t threads = static_cast<std::size_t>(std::max(1, options_.threads));
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_->set_payload_max_length(options_.max_body_bytes);
  http_->set_read_timeout(options_.read_timeout_ms / 1000, (options_.read_timeout_ms % 1000) * 1000);
  http_->set_write_timeout(options_.write_timeout_ms / 1000, (options_.write_timeout_ms % 1000) * 1000);
  http_->set_keep_alive_timeout(options_.keep_alive_timeout_s);
  http_->set_keep_alive_max_count(static_cast<std::size_t>(std::max(1, options_.keep_alive_max_requests)));
  http_->set_tcp_nodelay(true);  // small JSON responses: no Nagle delay
  install_routes();
}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::bind() {
  int port = options_.port;
  if (port == 0) {
    port = http_->bind_to_any_port(options_.host);
    if (port <= 0) return Status(ErrorCode::kIo, "cannot bind to " + options_.host + " on any port");
  } else if (!http_->bind_to_port(options_.host, port)) {
    return Status(ErrorCode::kIo, "cannot bind to " + options_.host + ":" + std::to_string(port));
  }
  return port;
}

bool HttpServer::run() { return http_->listen_after_bind(); }

void HttpServer::stop() { http_->stop_listening(); }

std::string HttpServer::serve_connection(std::string_view bytes, int max_requests) {
  return http_->serve_connection(bytes, max_requests);
}

void HttpServer::install_routes() {
  install_hooks();
  install_check_routes();
  install_guide_routes();
  install_health_routes();
  install_wrong_method_routes();
}

// Timing, range stripping, metrics for every response, and JSON bodies for the errors
// httplib answers itself (and for exceptions a handler lets out).
void HttpServer::install_hooks() {
  httplib::Server& http = *http_;
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    t_request_start = Clock::now();
    // Range requests are ignored (RFC 9110 lets a server send the whole representation):
    // httplib 0.11 would cut our JSON to the range yet keep the 200 we set, and a client
    // would take the slice for the whole answer. The request object is not const where
    // httplib made it, so clearing its parsed ranges here is well defined.
    const_cast<httplib::Request&>(req).ranges.clear();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Every response, the refused ones included, is counted once it is written.
  http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    double seconds = -1;  // unknown: refused before routing (a broken request line)
    if (t_request_start != Clock::time_point{}) {
      seconds = std::chrono::duration<double>(Clock::now() - t_request_start).count();
      t_request_start = Clock::time_point{};
    }
    metrics_.record_request(endpoint_of(req.path), res.status, seconds);
  });
  // Errors httplib answers itself (413, 400 for a broken request line, 404) get a JSON body too.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // ours already
        send_error(res, res.status, std::string(reason(res.status)) + (res.status == 404 ? ": " + req.path : ""));
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what += std::string(": ") + e.what();
    } catch (...) {
    }
    send_error(res, 500, what);
  });
}

// POST /v1/check and /v1/fix: the request read and checked, one guide snapshot, the report.
void HttpServer::install_check_routes() {
  httplib::Server& http = *http_;
  auto check_or_fix = [this](bool fix) {
    return [this, fix](const httplib::Request& req, httplib::Response& res) {
      if (!is_json_content_type(req.get_header_value("Content-Type"))) {
        send_error(res, 415, "send the request as Content-Type: application/json", "Content-Type");
        return;
      }
      nlohmann::json body;
      try {
        body = nlohmann::json::parse(req.body);
      } catch (const nlohmann::json::exception& e) {
        // A syntax error (parse_error, with the line and column) or a number too large for
        // a double, 1e999 (out_of_range, found by fuzz_service): the client's fault either way.
        send_error(res, 400, std::string("malformed JSON: ") + e.what(), "body");
        return;
      }
      if (!body.is_object()) {
        send_error(res, 400, std::string("the body must be a JSON object, not ") + body.type_name(), "body");
        return;
      }
      auto text = body.find("text");
      if (text == body.end() || !text->is_string()) {
        send_error(res, 400,
                   text == body.end() ? "'text' is required" : std::string("'text' must be a string, got ") + text->type_name(),
                   "text");
        return;
      }
      const std::string& draft = text->get_ref<const std::string&>();
      if (draft.size() > options_.max_text_bytes) {
        send_error(res, 413,
                   "'text' is " + std::to_string(draft.size()) + " bytes; the limit is " +
                       std::to_string(options_.max_text_bytes),
                   "text");
        return;
      }
      std::string guide_id;
      if (auto g = body.find("guide"); g != body.end() && !g->is_null()) {
        if (!g->is_string()) {
          send_error(res, 400, std::string("'guide' must be a string, got ") + g->type_name(), "guide");
          return;
        }
        guide_id = g->get<std::string>();
      }
      FixMode mode = FixMode::kSafe;
      if (auto m = body.find("mode"); fix && m != body.end() && !m->is_null()) {
        if (!m->is_string() || (*m != "safe" && *m != "all")) {
          send_error(res, 400, "'mode' must be \"safe\" or \"all\"", "mode");
          return;
        }
        if (*m == "all") mode = FixMode::kAll;
      }
      // "report": the output format ("format" is the text's); json, today's body, by default.
      // A report name in "format" that names no input format ("format": "sarif") is taken
      // as the report, so either spelling works; "text" stays the text's format.
      if (auto f = body.find("format"); f != body.end() && f->is_string() && !body.contains("report") &&
                                        f->get_ref<const std::string&>() != "text" &&
                                        report::find_report_format(f->get_ref<const std::string&>()) != nullptr) {
        body["report"] = *f;
        body.erase("format");
      }
      const report::ReportFormat* report_format = report::find_report_format("json");
      if (auto r = body.find("report"); r != body.end() && !r->is_null()) {
        report_format = r->is_string() ? report::find_report_format(r->get_ref<const std::string&>()) : nullptr;
        if (report_format == nullptr) {
          send_error(res, 400,
                     (r->is_string() ? "unknown report '" + r->get<std::string>() + "'"
                                     : std::string("'report' must be a string, got ") + r->type_name()) +
                         " (expected " + report::report_format_list() + ")",
                     "report");
          return;
        }
        // The fixed text is the answer of /v1/fix, and only its JSON carries it.
        if (fix && report_format->name != "json") {
          send_error(res, 400,
                     "/v1/fix answers JSON only (the other reports cannot carry the fixed text); "
                     "send the fixed text to /v1/check for a " + std::string(report_format->name) + " report",
                     "report");
          return;
        }
      }
      std::vector<std::string> also = {"text", "guide", "report"};
      if (fix) also.push_back("mode");
      auto options = api::check_options_from_json(body, also);
      if (!options.ok()) {
        send_error(res, 400, options.status().message(), options.status().location().path);
        return;
      }
      // One snapshot for the whole request: the guide as it was or as it is, never half.
      const std::shared_ptr<const GuideSnapshot> snapshot = registry_.snapshot();
      const std::shared_ptr<const ServedGuide> served = snapshot->find(guide_id);
      if (!served) {
        std::string ids;
        for (const auto& g : snapshot->guides) ids += (ids.empty() ? "" : ", ") + g->guide().id();
        send_error(res, 400, "unknown guide '" + guide_id + "'; served: " + ids, "guide");
        return;
      }
      res.set_header("X-Tonelint-Guide", served->guide().id());
      res.set_header("X-Tonelint-Guide-Generation", std::to_string(served->generation));
      const std::string text_name = options->filename.empty() ? "<text>" : options->filename;
      auto report_error = [&](const Status& s) {
        nlohmann::json error = api::error_json(s);
        // An error in the text itself (front matter, encoding) is reported at field "text".
        if (s.location().path == text_name) error["error"]["field"] = "text";
        send_json(res, http_status_of(s), error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      };
      std::vector<std::string> rules;
      if (fix) {
        auto result = served->checker->fix(draft, *options, mode);
        if (!result.ok()) return report_error(result.status());
        for (const Finding& f : result->remaining.findings) rules.push_back(f.rule);
        send_json(res, 200, to_json(*result));
      } else {
        auto result = served->checker->check(draft, *options);
        if (!result.ok()) return report_error(result.status());
        for (const Finding& f : result->findings) rules.push_back(f.rule);
        if (report_format->name == "json") {
          send_json(res, 200, to_json(*result));  // no trailing newline, as before "report" existed
        } else {
          ReportOptions report_options;
          report_options.guide = served->checker->guide_ptr();
          auto rendered = render_report(report_format->name, std::span<const CheckResult>(&*result, 1), report_options);
          if (!rendered.ok()) return report_error(rendered.status());
          res.status = 200;
          res.set_content(*rendered, std::string(report_format->mime_type));
        }
      }
      metrics_.record_findings(rules);
    };
  };
  http.Post("/v1/check", check_or_fix(false));
  http.Post("/v1/fix", check_or_fix(true));
}

// GET /v1/guides: the guides served, with their contexts, generations and load times.
void HttpServer::install_guide_routes() {
  httplib::Server& http = *http_;
  http.Get("/v1/guides", [this](const httplib::Request&, httplib::Response& res) {
    const auto snapshot = registry_.snapshot();
    nlohmann::json guides = nlohmann::json::array();
    for (std::size_t i = 0; i < snapshot->guides.size(); ++i) {
      const ServedGuide& g = *snapshot->guides[i];
      nlohmann::json j = api::guide_json(g.guide());
      j["default"] = i == 0;
      j["generation"] = g.generation;
      j["loaded_at"] = static_cast<std::int64_t>(g.loaded_at);
      guides.push_back(std::move(j));
    }
    send_json(res, 200, nlohmann::json{{"guides", std::move(guides)}}.dump());
  });
}

// GET /healthz and /metrics (Prometheus text).
void HttpServer::install_health_routes() {
  httplib::Server& http = *http_;
  http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, nlohmann::json{{"status", "ok"}, {"guides", registry_.snapshot()->guides.size()}}.dump());
  });
  http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    res.set_content(metrics_.render(), "text/plain; version=0.0.4; charset=utf-8");
  });
}

// The right path with the wrong method: 405 with Allow, not 404.
void HttpServer::install_wrong_method_routes() {
  httplib::Server& http = *http_;
  auto wrong_method = [](const char* allow) {
    return [allow](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Allow", allow);
      send_error(res, 405, req.method + " is not allowed here; use " + allow);
    };
  };
  for (const char* path : {"/v1/check", "/v1/fix"}) {
    http.Get(path, wrong_method("POST"));
    http.Put(path, wrong_method("POST"));
    http.Patch(path, wrong_method("POST"));
    http.Delete(path, wrong_method("POST"));
  }
  for (const char* path : {"/v1/guides", "/healthz", "/metrics"}) {
    http.Post(path, wrong_method("GET"));
    http.Put(path, wrong_method("GET"));
    http.Patch(path, wrong_method("GET"));
    http.Delete(path, wrong_method("GET"));
  }
}

}  // namespace tonelint::server
