// What `tonelint check` does for a person at a terminal: colour (off when NO_COLOR is set,
// with --no-color, or when the stream is not a terminal) over the text report, and a
// progress bar on stderr for long runs.
#pragma once

#include <atomic>
#include <cstdint>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "report/text_style.h"
#include "tonelint/checker.h"

namespace tonelint::cli {

// --color=auto|always|never; auto colours a terminal unless NO_COLOR is set (non-empty).
// Returns false for an unknown mode.
bool parse_color_mode(const std::string& mode, int fd, bool* colored);

// ANSI styles, or nothing when colour is off.
class Palette : public report::TextStyle {
 public:
  explicit Palette(bool on) : on_(on) {}
  std::string level(Severity level, std::string_view text) const override;
  std::string bold(std::string_view text) const override { return wrap("1", text); }
  std::string dim(std::string_view text) const override { return wrap("2", text); }
  std::string removed(std::string_view text) const override { return wrap("31", text); }
  std::string added(std::string_view text) const override { return wrap("32", text); }
  std::string marker(Severity level, std::string_view text) const override;

 private:
  std::string wrap(std::string_view code, std::string_view text) const;
  bool on_;
};

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
