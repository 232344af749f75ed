#include "report/escape.h"

#include <unicode/utf8.h>

#include <cstdint>

#include "input/utf8.h"

namespace tonelint::report {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_hex_byte(unsigned char byte, std::string* out) {
  out->append("\\x");
  out->push_back(kHex[byte >> 4]);
  out->push_back(kHex[byte & 15]);
}

// Walks `text` by UTF-8 sequence: `on_code_point(c, bytes)` for a well-formed one,
// `on_bad(bytes)` for an ill-formed one.
template <typename CodePoint, typename Bad>
void walk(std::string_view text, CodePoint on_code_point, Bad on_bad) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto size = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < size;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, size, c);
    const std::string_view bytes = text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    if (c < 0) {
      on_bad(bytes);
    } else {
      on_code_point(static_cast<char32_t>(c), bytes);
    }
  }
}

void append_escape(char32_t c, std::string* out) {
  switch (c) {
    case '\n': out->append("\\n"); return;
    case '\r': out->append("\\r"); return;
    case '\t': out->append("\\t"); return;
    case 0x1B: out->append("\\e"); return;
    default: break;
  }
  if (c < 0x80) {
    append_hex_byte(static_cast<unsigned char>(c), out);
    return;
  }
  out->append("\\u{");
  std::string digits;
  for (char32_t v = c; v != 0; v >>= 4) digits.insert(digits.begin(), kHex[v & 15]);
  while (digits.size() < 4) digits.insert(digits.begin(), '0');
  out->append(digits).push_back('}');
}

}  // namespace

bool is_unsafe_code_point(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  walk(
      text,
      [&](char32_t c, std::string_view bytes) {
        if (is_unsafe_code_point(c)) {
          append_escape(c, &out);
        } else {
          out.append(bytes);
        }
      },
      [&](std::string_view bytes) {
        for (const char b : bytes) append_hex_byte(static_cast<unsigned char>(b), &out);
      });
  return out;
}

std::string quote_name(std::string_view name) {
  bool plain = true;
  walk(
      name, [&](char32_t c, std::string_view) { plain = plain && !is_unsafe_code_point(c) && c != '"' && c != '\\'; },
      [&](std::string_view) { plain = false; });
  if (plain) return std::string(name);
  std::string out = "\"";
  walk(
      name,
      [&](char32_t c, std::string_view bytes) {
        if (c == '"' || c == '\\') {
          out.push_back('\\');
          out.push_back(static_cast<char>(c));
        } else if (is_unsafe_code_point(c)) {
          append_escape(c, &out);
        } else {
          out.append(bytes);
        }
      },
      [&](std::string_view bytes) {
        for (const char b : bytes) append_hex_byte(static_cast<unsigned char>(b), &out);
      });
  out.push_back('"');
  return out;
}

std::string to_xml_chars(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  static const std::string_view kReplacement = "\xEF\xBF\xBD";
  walk(
      text,
      [&](char32_t c, std::string_view bytes) {
        const bool allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
        out.append(allowed ? bytes : kReplacement);
      },
      [&](std::string_view) { out.append(kReplacement); });
  return out;
}

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

}  // namespace tonelint::report
