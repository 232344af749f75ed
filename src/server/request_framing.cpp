#include "server/request_framing.h"

#include <algorithm>
#include <cctype>

namespace tonelint::server {
namespace {

bool is_token_char(unsigned char c) {
  return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_token_char(static_cast<unsigned char>(c)); });
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Lines end in LF, with or without CR before it (RFC 9112 lets a recipient take a bare LF).
std::string_view without_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Empty lines before the request line are skipped (RFC 9112 §2.2: a client may send a CRLF
// after a body); returns where the request line starts.
std::size_t skip_leading_blank_lines(std::string_view buffer) {
  std::size_t i = 0;
  while (i < buffer.size()) {
    if (buffer[i] == '\n') {
      ++i;
    } else if (buffer[i] == '\r' && i + 1 < buffer.size() && buffer[i + 1] == '\n') {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

RequestPlan refused(RequestPlan plan, int status, std::string message) {
  plan.refuse = status;
  plan.message = std::move(message);
  return plan;
}

// 1*DIGIT; a value beyond 2^64 saturates (it is still far over any limit).
bool parse_length(std::string_view s, std::uint64_t& out) {
  if (s.empty()) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
    v = v > (UINT64_MAX - digit) / 10 ? UINT64_MAX : v * 10 + digit;
  }
  out = v;
  return true;
}

}  // namespace

std::size_t HeadScanner::find_end(std::string_view buffer) {
  std::size_t nl;
  while ((nl = buffer.find('\n', line_start_)) != std::string_view::npos) {
    const bool blank = without_cr(buffer.substr(line_start_, nl - line_start_)).empty();
    line_start_ = nl + 1;
    if (!blank) {
      request_line_seen_ = true;  // blank lines before the request line are skipped
    } else if (request_line_seen_) {
      return nl + 1;
    }
  }
  return std::string_view::npos;
}

std::size_t find_head_end(std::string_view buffer) { return HeadScanner().find_end(buffer); }

RequestPlan plan_request(std::string_view head, std::size_t max_body) {
  RequestPlan plan;
  std::size_t i = skip_leading_blank_lines(head);
  std::size_t nl = head.find('\n', i);
  if (nl == std::string_view::npos) return refused(std::move(plan), 400, "the request line does not end");
  const std::string_view line = without_cr(head.substr(i, nl - i));
  i = nl + 1;
  const std::size_t sp1 = line.find(' ');
  const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) {
    return refused(std::move(plan), 400, "malformed request line: expected METHOD TARGET HTTP/1.1");
  }
  plan.method = std::string(line.substr(0, sp1));
  plan.target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  plan.version = std::string(line.substr(sp2 + 1));
  const bool target_ok = !plan.target.empty() && std::none_of(plan.target.begin(), plan.target.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == 0x7f;
  });
  if (!is_token(plan.method) || !target_ok) {
    return refused(std::move(plan), 400, "malformed request line: expected METHOD TARGET HTTP/1.1");
  }
  if (plan.version != "HTTP/1.1" && plan.version != "HTTP/1.0") {
    return refused(std::move(plan), 400, "only HTTP/1.1 and HTTP/1.0 are served");
  }

  bool has_length = false, chunked = false, has_transfer_encoding = false;
  std::uint64_t length = 0;
  while ((nl = head.find('\n', i)) != std::string_view::npos) {
    const std::string_view header = without_cr(head.substr(i, nl - i));
    i = nl + 1;
    if (header.empty()) break;
    const std::size_t colon = header.find(':');
    if (colon == std::string_view::npos || !is_token(header.substr(0, colon))) {
      return refused(std::move(plan), 400, "malformed header line (a name, a colon, a value; no folding)");
    }
    const std::string_view name = header.substr(0, colon);
    const std::string_view value = trim_ows(header.substr(colon + 1));
    if (std::any_of(value.begin(), value.end(), [](char c) {
          return (static_cast<unsigned char>(c) < ' ' && c != '\t') || c == 0x7f;
        })) {
      return refused(std::move(plan), 400, "a control character in the header " + std::string(name));
    }
    if (iequals(name, "Content-Length")) {
      std::uint64_t v = 0;
      if (!parse_length(value, v)) {
        return refused(std::move(plan), 400, "Content-Length must be a non-negative decimal number");
      }
      if (has_length && v != length) return refused(std::move(plan), 400, "two different Content-Length headers");
      has_length = true;
      length = v;
    } else if (iequals(name, "Transfer-Encoding")) {
      if (has_transfer_encoding || !iequals(value, "chunked")) {
        return refused(std::move(plan), 501, "only Transfer-Encoding: chunked is understood");
      }
      has_transfer_encoding = chunked = true;
    } else if (iequals(name, "Content-Encoding")) {
      if (!iequals(value, "identity")) {
        return refused(std::move(plan), 415, "Content-Encoding '" + std::string(value) +
                                                 "' is not accepted: send the body uncompressed");
      }
    } else if (iequals(name, "Expect")) {
      if (!iequals(value, "100-continue")) return refused(std::move(plan), 417, "only Expect: 100-continue is understood");
      plan.expect_continue = true;
    } else if (iequals(name, "Range") || iequals(name, "If-Range")) {
      // Ignored (RFC 9110 §14.2): the whole JSON, never a slice of it.
    } else {
      plan.headers.emplace_back(std::string(name), std::string(value));
    }
  }
  if (has_length && chunked) {
    return refused(std::move(plan), 400, "both Content-Length and Transfer-Encoding: the body's end is ambiguous");
  }
  if (chunked) {
    plan.framing = BodyFraming::kChunked;
  } else if (has_length) {
    if (length > max_body) {
      return refused(std::move(plan), 413, "the body is " + std::to_string(length) + " bytes; the limit is " +
                                               std::to_string(max_body));
    }
    plan.framing = BodyFraming::kLength;
    plan.length = length;
  } else if (plan.method == "POST" || plan.method == "PUT" || plan.method == "PATCH") {
    return refused(std::move(plan), 411, "send Content-Length (or Transfer-Encoding: chunked) with the body");
  }
  return plan;
}

std::string normalized_head(const RequestPlan& plan, std::size_t body_size) {
  std::string out = plan.method + ' ' + plan.target + ' ' + plan.version + "\r\n";
  for (const auto& [name, value] : plan.headers) out += name + ": " + value + "\r\n";
  if (plan.framing != BodyFraming::kNone) out += "Content-Length: " + std::to_string(body_size) + "\r\n";
  out += "\r\n";
  return out;
}

std::size_t ChunkedDecoder::feed(std::string_view in) {
  constexpr std::size_t kMaxLine = 4096;  // a chunk-size line with its extensions, a trailer line
  std::size_t used = 0;
  while (state_ == State::kNeedMore && used < in.size()) {
    const std::string_view rest = in.substr(used);
    if (step_ == Step::kData) {
      const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, rest.size()));
      body_.append(rest.data(), n);
      used += n;
      remaining_ -= n;
      if (remaining_ == 0) step_ = Step::kDataEnd;
      continue;
    }
    const std::size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) {
      if (rest.size() > kMaxLine) state_ = State::kBad;
      break;  // a line not yet whole
    }
    if (nl > kMaxLine) {
      state_ = State::kBad;
      break;
    }
    const std::string_view line = without_cr(rest.substr(0, nl));
    used += nl + 1;
    switch (step_) {
      case Step::kSize: {
        std::string_view digits = trim_ows(line.substr(0, line.find(';')));
        std::uint64_t size = 0;
        bool ok = !digits.empty();
        for (char c : digits) {
          const int v = std::isxdigit(static_cast<unsigned char>(c))
                            ? (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10))
                            : -1;
          if (v < 0 || size > (UINT64_MAX >> 4)) {
            ok = false;
            break;
          }
          size = size * 16 + static_cast<std::uint64_t>(v);
        }
        if (!ok) {
          state_ = State::kBad;
        } else if (size > max_body_ - body_.size()) {
          state_ = State::kTooLarge;
        } else if (size == 0) {
          step_ = Step::kTrailer;
        } else {
          remaining_ = size;
          step_ = Step::kData;
        }
        break;
      }
      case Step::kDataEnd:
        if (!line.empty()) state_ = State::kBad;
        step_ = Step::kSize;
        break;
      case Step::kTrailer:
        trailer_bytes_ += nl + 1;
        if (line.empty()) {
          state_ = State::kDone;
        } else if (trailer_bytes_ > kMaxHeadBytes) {
          state_ = State::kBad;
        }
        break;
      case Step::kData: break;
    }
  }
  return used;
}

const char* reason_phrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    default: return status >= 500 ? "Internal Server Error" : "Bad Request";
  }
}

}  // namespace tonelint::server
