// The input layer: a file or stdin read as bytes, checked to be UTF-8 text.
// Every later stage points into SourceText::bytes with byte offsets.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

#include "input/line_index.h"
#include "tonelint/status.h"

namespace tonelint {

class SourceText {
 public:
  // Takes the bytes as read; call validate() (or use the load functions) before use.
  SourceText(std::string path, std::string bytes);

  SourceText(const SourceText&) = delete;  // the line index points into bytes_
  SourceText& operator=(const SourceText&) = delete;
  SourceText(SourceText&&) = delete;
  SourceText& operator=(SourceText&&) = delete;

  const std::string& path() const { return path_; }
  // The original bytes, BOM included: every offset in tonelint indexes this.
  std::string_view bytes() const { return bytes_; }
  // Length of a leading UTF-8 BOM (0 or 3); the text proper starts there.
  std::uint32_t bom_length() const { return bom_length_; }
  std::string_view text() const { return std::string_view(bytes_).substr(bom_length_); }

  const LineIndex& lines() const { return lines_; }
  Position position(std::uint32_t offset) const { return lines_.position(offset); }

  // A Location for error messages.
  Location location(std::uint32_t offset) const;

 private:
  std::string path_;
  std::string bytes_;
  std::uint32_t bom_length_;
  LineIndex lines_;
};

// Inputs above this size are refused rather than risk exhausting memory.
inline constexpr std::size_t kMaxSourceBytes = std::size_t{256} << 20;
// Checking a draft holds its whole analysis (some 35 bytes a byte of English), so `check`,
// the language server and the library lint drafts up to this size; `tokens` streams and
// takes up to kMaxSourceBytes.
inline constexpr std::size_t kMaxLintBytes = std::size_t{16} << 20;

// Checks that bytes are text tonelint can lint: not binary (no NUL byte) and valid UTF-8.
// kBinary and kInvalidUtf8 errors name the line and column of the offending byte.
Status check_text(std::string_view path, std::string_view bytes);

// Reads and checks a file, which must be a regular file: a FIFO, a device or a socket is
// refused by its type without blocking (kIo, "is a FIFO, not a regular file; ..."), and the
// read stops at `max_bytes` even if the file grows. Errors: kNotFound, kIo, kTooLarge (over
// `max_bytes`, found from its size before reading), kBinary, kInvalidUtf8.
Result<std::unique_ptr<SourceText>> load_source_file(const std::string& path, std::size_t max_bytes = kMaxSourceBytes);

// Reads and checks a whole stream (stdin), reported under `display_name`; at most
// `max_bytes` are read.
Result<std::unique_ptr<SourceText>> load_source_stream(std::istream& in, const std::string& display_name,
                                                       std::size_t max_bytes = kMaxSourceBytes);

// "16 MiB (16777216 bytes)": a size limit as messages name it.
std::string describe_limit(std::size_t bytes);

// Checks bytes already in memory (the library and the service receive text this way).
Result<std::unique_ptr<SourceText>> load_source_bytes(std::string bytes, const std::string& display_name);

}  // namespace tonelint
