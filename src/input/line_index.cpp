#include "input/line_index.h"

#include <algorithm>

#include "input/utf8.h"

namespace tonelint {
namespace {

// A four-byte sequence is one code point but two UTF-16 units.
inline bool is_four_byte_lead(unsigned char byte) { return byte >= 0xF0; }

}  // namespace

LineIndex::LineIndex(std::string_view bytes, std::uint32_t bom_length) : bytes_(bytes) {
  line_starts_.push_back(std::min<std::uint32_t>(bom_length, static_cast<std::uint32_t>(bytes.size())));
  std::uint64_t code_points = 0;
  std::uint64_t utf16 = 0;
  const std::size_t n = bytes.size();
  code_point_checkpoints_.reserve(n / kStride + 2);
  utf16_checkpoints_.reserve(n / kStride + 2);
  for (std::size_t i = 0; i < n; ++i) {
    if (i % kStride == 0) {
      code_point_checkpoints_.push_back(code_points);
      utf16_checkpoints_.push_back(utf16);
    }
    const auto byte = static_cast<unsigned char>(bytes[i]);
    if (!is_utf8_continuation(byte)) {
      ++code_points;
      utf16 += is_four_byte_lead(byte) ? 2 : 1;
    }
    if (byte == '\n' || (byte == '\r' && (i + 1 == n || bytes[i + 1] != '\n'))) {
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
  code_point_checkpoints_.push_back(code_points);
  utf16_checkpoints_.push_back(utf16);
}

std::uint64_t LineIndex::code_points_before(std::uint32_t offset) const {
  const std::uint32_t checkpoint = offset / kStride;
  std::uint64_t count = code_point_checkpoints_[checkpoint];
  for (std::uint32_t i = checkpoint * kStride; i < offset; ++i) {
    count += !is_utf8_continuation(static_cast<unsigned char>(bytes_[i]));
  }
  return count;
}

std::uint64_t LineIndex::utf16_units_before(std::uint32_t offset) const {
  const std::uint32_t checkpoint = offset / kStride;
  std::uint64_t count = utf16_checkpoints_[checkpoint];
  for (std::uint32_t i = checkpoint * kStride; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(bytes_[i]);
    if (!is_utf8_continuation(byte)) count += is_four_byte_lead(byte) ? 2 : 1;
  }
  return count;
}

Position LineIndex::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(bytes_.size()));
  // The last line start <= offset.
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  // Inside the BOM no line start is <= offset (line 1 starts after the BOM): that is line 1.
  if (it == line_starts_.begin()) ++it;
  const std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  std::uint32_t start = line_starts_[line_index];
  if (offset < start) start = offset;  // inside the BOM
  Position p;
  p.line = static_cast<std::uint32_t>(line_index + 1);
  p.column = static_cast<std::uint32_t>(code_points_before(offset) - code_points_before(start) + 1);
  p.utf16_column = static_cast<std::uint32_t>(utf16_units_before(offset) - utf16_units_before(start) + 1);
  return p;
}

std::uint32_t LineIndex::line_start(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return static_cast<std::uint32_t>(bytes_.size());
  return line_starts_[line - 1];
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::uint32_t start = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(bytes_.size());
  while (end > start && (bytes_[end - 1] == '\n' || bytes_[end - 1] == '\r')) --end;
  return bytes_.substr(start, end - start);
}

}  // namespace tonelint
