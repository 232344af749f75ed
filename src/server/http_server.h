// `tonelint serve`: the HTTP/1.1 JSON service (cpp-httplib) over a GuideRegistry.
//
//   POST /v1/check  {text, format?, filename?, context?: {channel, ...}, guide?} → DESIGN.md's JSON report
//   POST /v1/fix    the same, plus mode?: "safe"|"all" → {text, applied, edits, files, summary}
//   GET  /v1/guides the guides served, their context values and defaults
//   GET  /healthz   {"status": "ok", ...}
//   GET  /metrics   Prometheus text
//
// Refused requests get {"error": {"message", "code", "field"?, "line"?, "column"?}} with
// 400 (malformed JSON, wrong types, unknown fields, context values or guide), 404, 405,
// 413 (body or text too large), 415 (not application/json) or 500. Requests are framed
// before httplib parses them (request_framing.h): what cannot be framed safely (no length,
// a bad length, a Content-Encoding, an unknown Expect or Transfer-Encoding) is answered
// from its head, and the connection closed.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "server/guide_registry.h"
#include "server/metrics.h"
#include "tonelint/status.h"

namespace tonelint::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                         // 0: any free port (see bind())
  int threads = 16;                        // connections served at once (one thread each)
  std::size_t max_body_bytes = 1 << 20;    // larger bodies: 413 before they are read
  std::size_t max_text_bytes = 64 << 10;   // larger "text": 413 (bounds the work per request)
  int read_timeout_ms = 5000;              // a client silent this long while sending is dropped
  int write_timeout_ms = 5000;             // a client not reading this long is dropped
  int keep_alive_timeout_s = 5;            // idle keep-alive connections are closed after this
  int keep_alive_max_requests = 1000;      // requests per connection before it is closed
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, GuideRegistry& registry, Metrics& metrics);
  ~HttpServer();

  // Binds the listening socket; returns the port (the chosen one when options.port is 0).
  Result<int> bind();
  // Serves until stop(); requests in flight are finished before it returns.
  bool run();
  // Stops accepting, also before run() has begun; safe from any thread (not from a signal handler).
  void stop();

  // Serves the bytes one client would send on one connection, in memory, with no socket:
  // requests are read and answered in turn (keep-alive) until the bytes run out, the
  // request says `Connection: close`, or `max_requests` were answered. Returns what the
  // server wrote back. The same parsing, routing and handlers as over TCP; the fuzz target
  // for requests (fuzz/fuzz_targets.h) and tests drive the service through it.
  std::string serve_connection(std::string_view bytes, int max_requests = 100);

 private:
  class Engine;  // httplib::Server, plus the in-memory connection of serve_connection()
  // The routes, one family a step (see http_server.cpp).
  void install_routes();
  void install_hooks();
  void install_check_routes();
  void install_guide_routes();
  void install_health_routes();
  void install_wrong_method_routes();
  ServerOptions options_;
  GuideRegistry& registry_;
  Metrics& metrics_;
  std::unique_ptr<Engine> http_;
};

}  // namespace tonelint::server
