// LSP positions (0-based line, 0-based character in the negotiated encoding) to and from
// byte offsets of a document's UTF-8 text. Columns come from the same LineIndex that
// SARIF uses (its utf16_column), so every writer counts UTF-16 units one way.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "input/line_index.h"

namespace tonelint::lsp {

// What `character` counts. UTF-16 code units are LSP's default and what every client
// supports; UTF-8 bytes when the client offers them.
enum class PositionEncoding : std::uint8_t { kUtf16, kUtf8 };

const char* encoding_name(PositionEncoding encoding);  // "utf-16", "utf-8"
std::optional<PositionEncoding> parse_encoding(std::string_view name);

struct LspPosition {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(const LspPosition&, const LspPosition&) = default;
};

struct LspRange {
  LspPosition start;
  LspPosition end;
  friend bool operator==(const LspRange&, const LspRange&) = default;
};

// The position of a byte offset (on a code point boundary) of the text `lines` indexes.
// The index must count every byte as text (bom_length 0): LSP counts a BOM as a character.
LspPosition to_lsp_position(const LineIndex& lines, std::uint32_t offset, PositionEncoding encoding);

// The byte offset of a position. As LSP specifies, a character past the end of its line
// means the end of the line, and a line past the last means the end of the text; a
// position inside a code point (half of a surrogate pair) means the start of that code point.
std::uint32_t to_byte_offset(const LineIndex& lines, std::string_view text, LspPosition position,
                             PositionEncoding encoding);

}  // namespace tonelint::lsp
