// How a report shows a finding's source line to a person: the part of the line around
// the span, made safe for a terminal, and the marker line under it, counted in display
// columns. Used by the text report (and so by `check` at a terminal).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tonelint::report {

// Terminal columns of `text`: East Asian wide and full-width characters take two;
// combining marks, ZWJ and variation selectors none.
std::size_t display_width(std::string_view text);
// The marker line under `line`: spaces up to the span (tabs kept, so it lines up), then
// one '^' per column of the span (at least one).
std::string marker_line(std::string_view line, std::size_t start_byte, std::size_t end_byte);

// The part of a source line shown under a finding: the span with up to `context` code
// points either side (a span longer than 2 × `context` is cut too), an ellipsis where the
// line was cut, never splitting a UTF-8 sequence. Control characters become their Unicode
// control pictures (␛ for ESC) and C1 controls, bidi overrides and bad bytes U+FFFD, so
// the draft's bytes cannot drive the terminal; tabs stay, for the marker to line up.
// Printing whole lines made the output quadratic: 1,000 findings on a 25 KB line, 37 MB.
struct LineWindow {
  std::string text;
  std::size_t start_byte = 0, end_byte = 0;  // the span, in `text`
};
inline constexpr std::size_t kLineWindowContext = 60;
LineWindow line_window(std::string_view line, std::size_t start_byte, std::size_t end_byte,
                       std::size_t context = kLineWindowContext);

}  // namespace tonelint::report
