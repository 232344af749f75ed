#include "input/utf8.h"

#include <unicode/utf8.h>

#include <cstring>
#include <string>

namespace tonelint {

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    // ASCII fast path: most text is mostly ASCII, eight bytes at a time.
    if (i + 8 <= length) {
      uint64_t word;
      std::memcpy(&word, s + i, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

char32_t previous_code_point(std::string_view bytes, std::size_t offset) {
  if (offset == 0) return 0;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t i = static_cast<int32_t>(offset);
  UChar32 c;
  U8_PREV_OR_FFFD(s, 0, i, c);
  return static_cast<char32_t>(c);
}

std::string to_well_formed_utf8(std::string_view bytes) {
  if (!find_invalid_utf8(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t start = i;
    if (next_code_point(bytes, &i) == 0xFFFD) {
      out.append("\xEF\xBF\xBD");  // a bad sequence, or U+FFFD itself: the same bytes
    } else {
      out.append(bytes.substr(start, i - start));
    }
  }
  return out;
}

std::size_t count_code_points(std::string_view bytes) {
  std::size_t n = 0;
  for (unsigned char byte : bytes) n += !is_utf8_continuation(byte);
  return n;
}

void append_utf8(char32_t c, std::string* out) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, static_cast<UChar32>(c), error);
  if (!error) out->append(buffer, static_cast<std::size_t>(length));
}

}  // namespace tonelint
