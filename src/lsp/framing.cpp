#include "lsp/framing.h"

#include <algorithm>
#include <cctype>

namespace tonelint::lsp {
namespace {

// A header block this long without its closing blank line is not LSP framing.
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A decimal Content-Length, or -1 when it is not one (empty, signs, overflow).
long long parse_length(std::string_view value) {
  if (value.empty() || value.size() > 18) return -1;
  long long n = 0;
  for (const char c : value) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

constexpr std::string_view kLengthHeader = "content-length";

}  // namespace

bool FrameReader::resynchronise() {
  for (std::size_t at = pos_; at + kLengthHeader.size() <= buffer_.size(); ++at) {
    if (std::tolower(static_cast<unsigned char>(buffer_[at])) != 'c') continue;
    if (!iequals(std::string_view(buffer_).substr(at, kLengthHeader.size()), kLengthHeader)) continue;
    // The name, then optional blanks and the colon: a header, not the words in a body.
    std::size_t colon = at + kLengthHeader.size();
    while (colon < buffer_.size() && (buffer_[colon] == ' ' || buffer_[colon] == '\t')) ++colon;
    if (colon == buffer_.size()) {  // the rest has not arrived: look again from here
      pos_ = at;
      return false;
    }
    if (buffer_[colon] != ':') continue;
    pos_ = at;
    resyncing_ = false;
    return true;
  }
  // Nothing yet: drop what was searched, but keep a tail that may be the header's start.
  pos_ = std::max(pos_, buffer_.size() - std::min(buffer_.size() - pos_, kLengthHeader.size() - 1));
  return false;
}

void FrameReader::feed(std::string_view bytes) {
  compact();
  buffer_.append(bytes.data(), bytes.size());
}

void FrameReader::compact() {
  if (pos_ == 0) return;
  if (pos_ >= buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  } else if (pos_ >= buffer_.size() / 2) {  // amortised: each byte moves at most once or twice
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
}

FrameReader::Frame FrameReader::next() {
  Frame frame;
  if (skip_ > 0) {  // the rest of a refused body
    const std::size_t n = std::min(skip_, buffer_.size() - pos_);
    pos_ += n;
    skip_ -= n;
    if (skip_ > 0) return frame;
  }
  if (resyncing_ && !resynchronise()) return frame;
  // Blank lines between messages are noise some clients send; they frame nothing.
  while (pos_ < buffer_.size() && (buffer_[pos_] == '\r' || buffer_[pos_] == '\n')) ++pos_;
  if (pos_ >= buffer_.size()) return frame;

  long long length = -1;
  std::string problem;
  std::size_t cursor = pos_;
  std::size_t body_start = std::string::npos;
  while (true) {
    const std::size_t nl = buffer_.find('\n', cursor);
    if (nl == std::string::npos) break;
    std::string_view line(buffer_.data() + cursor, nl - cursor);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    cursor = nl + 1;
    if (line.empty()) {
      body_start = cursor;
      break;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      if (problem.empty()) problem = "malformed header line '" + std::string(line.substr(0, 80)) + "'";
      continue;
    }
    const std::string_view name = trim(line.substr(0, colon));
    const std::string_view value = trim(line.substr(colon + 1));
    if (iequals(name, "Content-Length")) {
      const long long n = parse_length(value);
      if (n < 0 || (length >= 0 && n != length)) {
        if (problem.empty()) problem = "invalid Content-Length '" + std::string(value.substr(0, 40)) + "'";
      } else {
        length = n;
      }
    }
    // Content-Type (utf-8 is the only charset LSP defines) and unknown headers: ignored.
  }
  if (body_start == std::string::npos) {  // the header block is not complete yet
    if (buffer_.size() - pos_ > kMaxHeaderBytes) {
      pos_ = buffer_.size();  // garbage: drop it and look for the next header after it
      resyncing_ = true;
      frame.kind = Kind::kError;
      frame.error = "no end of the header block in " + std::to_string(kMaxHeaderBytes) + " bytes";
    }
    return frame;
  }
  if (problem.empty() && length < 0) problem = "missing Content-Length header";
  if (!problem.empty()) {
    // The body's size is unknown: it is skipped up to the next Content-Length header (a
    // body of JSON rarely ends in a newline, so the next header is often on its last line).
    pos_ = body_start;
    resyncing_ = true;
    frame.kind = Kind::kError;
    frame.error = problem;
    return frame;
  }
  const auto size = static_cast<std::size_t>(length);
  if (size > max_body_) {
    // Discard what of it is here; the rest as it arrives.
    const std::size_t here = std::min(size, buffer_.size() - body_start);
    pos_ = body_start + here;
    skip_ = size - here;
    frame.kind = Kind::kError;
    frame.error = "message of " + std::to_string(size) + " bytes exceeds the limit of " + std::to_string(max_body_) +
                  " bytes; skipped unread";
    return frame;
  }
  if (buffer_.size() - body_start < size) return frame;  // wait for the rest of the body
  frame.kind = Kind::kMessage;
  frame.body.assign(buffer_, body_start, size);
  pos_ = body_start + size;
  return frame;
}

std::string encode_frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body.data(), body.size());
  return out;
}

}  // namespace tonelint::lsp
