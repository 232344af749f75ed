// UTF-8 helpers shared by every stage. Validation uses ICU's U8_NEXT, which rejects
// overlong forms, surrogates and code points past U+10FFFF.
#pragma once

#include <unicode/utf8.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tonelint {

// Offset of the first byte that does not start a well-formed UTF-8 sequence,
// or nullopt when all of `bytes` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// `bytes` with every ill-formed sequence replaced by U+FFFD (a copy when all is well-formed).
std::string to_well_formed_utf8(std::string_view bytes);

// Decodes the code point at `*offset` and advances past it (U+FFFD for a bad sequence).
// Inline: every stage walks text with it.
inline char32_t next_code_point(std::string_view bytes, std::size_t* offset) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  auto i = static_cast<int32_t>(*offset);
  UChar32 c;
  U8_NEXT_OR_FFFD(s, i, static_cast<int32_t>(bytes.size()), c);
  *offset = static_cast<std::size_t>(i);
  return static_cast<char32_t>(c);
}

// Decodes the code point that ends at `offset` (exclusive), or 0 at the start.
char32_t previous_code_point(std::string_view bytes, std::size_t offset);

// Number of code points in valid UTF-8 (counts bytes that are not continuation bytes).
std::size_t count_code_points(std::string_view bytes);

// Appends the UTF-8 encoding of `c`.
void append_utf8(char32_t c, std::string* out);

inline bool is_utf8_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace tonelint
