// The LSP base protocol: messages framed by `Content-Length: N\r\n\r\n` headers.
// FrameReader takes bytes as they arrive (any split, any size) and hands back whole
// message bodies; a broken header block is reported and skipped, never fatal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tonelint::lsp {

// Bodies larger than this are refused and skipped: a draft of kMaxSourceBytes (256 MiB)
// plus JSON escaping fits.
inline constexpr std::size_t kMaxMessageBytes = std::size_t{512} << 20;

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
  std::size_t skip_ = 0;  // bytes of a refused body still to discard as they arrive
};

// A body with its header, ready to write.
std::string encode_frame(std::string_view body);

}  // namespace tonelint::lsp
