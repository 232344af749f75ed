// Framing HTTP/1.1 requests before httplib sees them. httplib 0.11 reads a body with no
// length until the client closes, inflates gzip without bound, waits out a negative
// Content-Length, answers "100 Continue" to a body it will refuse, refuses a Range it
// cannot parse, and drops pipelined requests it had read ahead. So the service reads each
// request itself: it finds the head, vets it (plan_request), reads exactly the body it
// announces (a length, or chunks decoded by ChunkedDecoder, never past max_body), and hands
// httplib one request at a time with a plain Content-Length (normalized_head). A request
// that cannot be framed is answered with `status` and the connection closed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tonelint::server {

// The most bytes a request head (request line and headers) may take.
inline constexpr std::size_t kMaxHeadBytes = 64 << 10;

enum class BodyFraming { kNone, kLength, kChunked };

struct RequestPlan {
  int refuse = 0;            // 0: serve it; else the status to answer with, then close
  std::string message;       // why it is refused
  std::string method, target, version;
  std::vector<std::pair<std::string, std::string>> headers;  // kept for httplib, in order
  BodyFraming framing = BodyFraming::kNone;
  std::uint64_t length = 0;  // kLength: the body's size
  bool expect_continue = false;
};

// Where the head in `buffer` ends (just past its blank line), or npos if it has not ended yet.
std::size_t find_head_end(std::string_view buffer);

// find_head_end for a buffer that grows as bytes arrive: each call scans only what is new,
// so a client trickling its head a byte at a time costs linear time, not quadratic.
class HeadScanner {
 public:
  std::size_t find_end(std::string_view buffer);

 private:
  std::size_t line_start_ = 0;
  bool request_line_seen_ = false;
};

// Parses and vets a head (the bytes up to find_head_end). Refused (status, message):
//   400  a malformed request line or header; a Content-Length that is not digits, or two
//        that differ; both Content-Length and Transfer-Encoding
//   411  POST, PUT or PATCH with neither Content-Length nor chunked encoding
//   413  a Content-Length over max_body
//   415  a Content-Encoding other than identity (never inflated: no decompression bomb)
//   417  an Expect other than 100-continue
//   501  a Transfer-Encoding other than chunked
// Range and If-Range are dropped: the service always sends the whole representation.
RequestPlan plan_request(std::string_view head, std::size_t max_body);

// The head httplib is given: the request line, the kept headers, and Content-Length: body_size
// when there is a body (or one was announced).
std::string normalized_head(const RequestPlan& plan, std::size_t body_size);

// Decodes a chunked body incrementally, holding at most max_body decoded bytes.
class ChunkedDecoder {
 public:
  enum class State { kNeedMore, kDone, kBad, kTooLarge };
  explicit ChunkedDecoder(std::size_t max_body) : max_body_(max_body) {}
  // Consumes what it can of `in` (returns how many bytes) and appends decoded data to body().
  std::size_t feed(std::string_view in);
  State state() const { return state_; }
  const std::string& body() const { return body_; }

 private:
  enum class Step { kSize, kData, kDataEnd, kTrailer };
  std::size_t max_body_;
  State state_ = State::kNeedMore;
  Step step_ = Step::kSize;
  std::uint64_t remaining_ = 0;  // of the current chunk
  std::size_t trailer_bytes_ = 0;
  std::string body_;
};

// "Length Required" and the other reason phrases of the statuses the service answers with.
const char* reason_phrase(int status);

}  // namespace tonelint::server
