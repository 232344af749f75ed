// What `tonelint check` does for a person at a terminal: colour (off when NO_COLOR is set,
// with --no-color, or when the stream is not a terminal), source lines with the span
// underlined in display columns, and a progress bar on stderr for long runs.
#pragma once

#include <atomic>
#include <cstdint>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "tonelint/checker.h"

namespace tonelint {
enum class Level : std::uint8_t;  // the engine's, for the overloads check still calls
}  // namespace tonelint

namespace tonelint::cli {

// --color=auto|always|never; auto colours a terminal unless NO_COLOR is set (non-empty).
// Returns false for an unknown mode.
bool parse_color_mode(const std::string& mode, int fd, bool* colored);

// ANSI styles, or nothing when colour is off.
class Palette {
 public:
  explicit Palette(bool on) : on_(on) {}
  std::string level(Severity level, std::string_view text) const;
  std::string bold(std::string_view text) const { return wrap("1", text); }
  std::string dim(std::string_view text) const { return wrap("2", text); }
  std::string removed(std::string_view text) const { return wrap("31", text); }
  std::string added(std::string_view text) const { return wrap("32", text); }
  std::string marker(Severity level, std::string_view text) const;
  // The same for the engine's Level, which lists the same levels in the same order; for
  // check and text_report until they report Findings (lead: remove with their move).
  std::string level(Level level, std::string_view text) const;
  std::string marker(Level level, std::string_view text) const;

 private:
  std::string wrap(std::string_view code, std::string_view text) const;
  bool on_;
};

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

// "checking  412/3000 ▕████▏ 13%" redrawn on stderr, from its own thread, at most ten
// times a second; cleared when stopped. Workers only bump an atomic counter.
class ProgressBar {
 public:
  // Shown only when `enabled` (stderr is a terminal and there are enough files).
  ProgressBar(std::size_t total, bool enabled);
  ~ProgressBar();  // stops and clears
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void advance() { done_.fetch_add(1, std::memory_order_relaxed); }
  void stop();
  // Writes `text` (whole lines) to stderr above the bar: the bar's line is cleared first
  // and drawn again at its next tick, so a note printed during the run is not glued to it.
  void print_above(std::string_view text);

  // The bar's text for `done` of `total` within `width` columns (for tests).
  static std::string render(std::size_t done, std::size_t total, std::size_t width);

 private:
  void run();

  std::size_t total_;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool drawn_ = false;  // the bar is on screen (guarded by mutex_)
  std::thread thread_;
};

}  // namespace tonelint::cli
