#include "report/source_window.h"

#include <algorithm>

#include <unicode/uchar.h>

#include "input/utf8.h"
#include "report/escape.h"

namespace tonelint::report {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<UChar32>(next_code_point(text, &i));
    if (u_getCombiningClass(c) != 0 || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)) continue;  // zero width
    const auto eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    // Emoji presentation characters are drawn two columns wide by terminals.
    const bool wide = eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH || u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION);
    width += wide ? 2 : 1;
  }
  return width;
}

std::string marker_line(std::string_view line, std::size_t start_byte, std::size_t end_byte) {
  std::string out;
  for (std::size_t i = 0; i < start_byte && i < line.size();) {
    const std::size_t at = i;
    next_code_point(line, &i);
    out.append(line[at] == '\t' ? "\t" : std::string(display_width(line.substr(at, i - at)), ' '));
  }
  const std::size_t end = std::min(end_byte, line.size());
  const std::size_t start = std::min(start_byte, end);
  out.append(std::max<std::size_t>(display_width(line.substr(start, end - start)), 1), '^');
  return out;
}

namespace {

// One code point of a shown line: itself, or a stand-in that does nothing to a terminal.
void append_shown(char32_t c, std::string_view bytes, std::string* out) {
  if (c == '\t' || !is_unsafe_code_point(c)) {
    out->append(bytes);
  } else if (c < 0x20) {
    append_utf8(0x2400 + c, out);  // ␀ … ␟
  } else if (c == 0x7F) {
    append_utf8(0x2421, out);  // ␡
  } else {
    out->append("\xEF\xBF\xBD");
  }
}

// The byte offset `count` code points before (negative) or after `from`, within `line`.
std::size_t step_code_points(std::string_view line, std::size_t from, std::ptrdiff_t count) {
  std::size_t at = from;
  for (; count > 0 && at < line.size(); --count) {
    ++at;
    while (at < line.size() && is_utf8_continuation(static_cast<unsigned char>(line[at]))) ++at;
  }
  for (; count < 0 && at > 0; ++count) {
    --at;
    while (at > 0 && is_utf8_continuation(static_cast<unsigned char>(line[at]))) --at;
  }
  return at;
}

// `offset` moved back to the start of the UTF-8 sequence it falls in.
std::size_t sequence_start(std::string_view line, std::size_t offset) {
  while (offset > 0 && offset < line.size() && is_utf8_continuation(static_cast<unsigned char>(line[offset]))) --offset;
  return std::min(offset, line.size());
}

}  // namespace

LineWindow line_window(std::string_view line, std::size_t start_byte, std::size_t end_byte, std::size_t context) {
  const std::size_t start = sequence_start(line, std::min(start_byte, line.size()));
  std::size_t end = std::max(start, sequence_start(line, std::min(end_byte, line.size())));
  const auto ctx = static_cast<std::ptrdiff_t>(context);
  const std::size_t from = step_code_points(line, start, -ctx);
  // A long span: its start and `2 × context` code points of it.
  const std::size_t span_end = std::min(end, step_code_points(line, start, 2 * ctx));
  const bool span_cut = span_end < end;
  end = span_end;
  const std::size_t to = span_cut ? end : step_code_points(line, end, ctx);
  static const std::string_view kEllipsis = "…";
  LineWindow window;
  if (from > 0) window.text.append(kEllipsis);
  for (std::size_t i = from; i < to;) {
    if (i == start) window.start_byte = window.text.size();
    if (i == end) window.end_byte = window.text.size();
    const std::size_t at = i;
    const char32_t c = next_code_point(line, &i);
    append_shown(c, line.substr(at, i - at), &window.text);
  }
  if (to == start) window.start_byte = window.text.size();
  if (to == end) window.end_byte = window.text.size();
  if (to < line.size()) window.text.append(kEllipsis);
  return window;
}

}  // namespace tonelint::report
