// The LSP base protocol: messages framed by `Content-Length: N\r\n\r\n` headers.
// FrameReader takes bytes as they arrive (any split, any size) and hands back whole
// message bodies; a broken header block is reported and skipped, never fatal: when the
// body's length is unknown (`Content-Length: abc`), reading resumes at the next
// `Content-Length` header, so the message after it is still answered.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tonelint::lsp {

// Bodies larger than this are refused and skipped as they arrive, never kept: a document of
// the most the server lints (kMaxLintBytes, 16 MiB) with its JSON escaping and envelope
// fits; a larger one could not be linted anyway, and parsing it costs several times its size.
inline constexpr std::size_t kMaxMessageBytes = std::size_t{64} << 20;

class FrameReader {
 public:
  explicit FrameReader(std::size_t max_body = kMaxMessageBytes) : max_body_(max_body) {}

  // Appends bytes read from the stream.
  void feed(std::string_view bytes);

  enum class Kind : std::uint8_t { kNone, kMessage, kError };
  struct Frame {
    Kind kind = Kind::kNone;
    std::string body;   // kMessage: the JSON text
    std::string error;  // kError: what was wrong with the framing (the bad part is skipped)
  };
  // The next complete message or framing error; kNone until more bytes arrive.
  Frame next();

  // Bytes received but not yet handed out (a partial message at end of input).
  std::size_t buffered() const { return buffer_.size() - pos_; }

 private:
  void compact();

  std::size_t max_body_;
  std::string buffer_;
  std::size_t pos_ = 0;   // start of the unread part of buffer_
  // Skips to the next `Content-Length` header; false (the unread part dropped, bar a
  // possible start of the header) when none has arrived yet.
  bool resynchronise();

  std::size_t skip_ = 0;  // bytes of a refused body still to discard as they arrive
  bool resyncing_ = false;  // after a body of unknown length: looking for the next header
};

// A body with its header, ready to write.
std::string encode_frame(std::string_view body);

}  // namespace tonelint::lsp
