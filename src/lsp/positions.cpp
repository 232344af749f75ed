#include "lsp/positions.h"

#include "input/utf8.h"

namespace tonelint::lsp {

const char* encoding_name(PositionEncoding encoding) {
  return encoding == PositionEncoding::kUtf8 ? "utf-8" : "utf-16";
}

std::optional<PositionEncoding> parse_encoding(std::string_view name) {
  if (name == "utf-16") return PositionEncoding::kUtf16;
  if (name == "utf-8") return PositionEncoding::kUtf8;
  return std::nullopt;
}

LspPosition to_lsp_position(const LineIndex& lines, std::uint32_t offset, PositionEncoding encoding) {
  const Position p = lines.position(offset);
  LspPosition out;
  out.line = p.line - 1;
  if (encoding == PositionEncoding::kUtf16) {
    out.character = p.utf16_column - 1;
  } else {
    const std::uint32_t start = lines.line_start(p.line);
    out.character = offset > start ? offset - start : 0;
    // position() clamps offsets past the end; so must the byte count.
    const std::uint32_t end = lines.line_start(lines.line_count() + 1);
    if (offset > end) out.character = end - start;
  }
  return out;
}

std::uint32_t to_byte_offset(const LineIndex& lines, std::string_view text, LspPosition position,
                             PositionEncoding encoding) {
  if (position.line >= lines.line_count()) return static_cast<std::uint32_t>(text.size());
  const std::uint32_t start = lines.line_start(position.line + 1);
  const std::string_view line = lines.line_text(position.line + 1);
  if (encoding == PositionEncoding::kUtf8) {
    std::size_t at = std::min<std::size_t>(position.character, line.size());
    while (at > 0 && at < line.size() && is_utf8_continuation(static_cast<unsigned char>(line[at]))) --at;
    return start + static_cast<std::uint32_t>(at);
  }
  std::uint32_t units = 0;
  std::size_t at = 0;
  while (at < line.size() && units < position.character) {
    std::size_t next = at;
    const char32_t c = next_code_point(line, &next);
    const std::uint32_t width = c >= 0x10000 ? 2 : 1;
    if (units + width > position.character) break;  // inside a surrogate pair
    units += width;
    at = next;
  }
  return start + static_cast<std::uint32_t>(at);
}

}  // namespace tonelint::lsp
