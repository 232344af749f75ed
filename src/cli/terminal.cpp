#include "cli/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <unicode/uchar.h>

#include "input/utf8.h"
#include "report/escape.h"

namespace tonelint::cli {

bool parse_color_mode(const std::string& mode, int fd, bool* colored) {
  if (mode == "always") {
    *colored = true;  // an explicit request wins over NO_COLOR
  } else if (mode == "never") {
    *colored = false;
  } else if (mode == "auto") {
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    *colored = (no_color == nullptr || *no_color == '\0') && ::isatty(fd) == 1 &&
               !(term != nullptr && std::string_view(term) == "dumb");
  } else {
    return false;
  }
  return true;
}

std::string Palette::wrap(std::string_view code, std::string_view text) const {
  if (!on_) return std::string(text);
  std::string out = "\x1b[";
  out.append(code).append("m").append(text).append("\x1b[0m");
  return out;
}

std::string Palette::level(Severity level, std::string_view text) const {
  switch (level) {
    case Severity::kError: return wrap("1;31", text);
    case Severity::kWarning: return wrap("1;33", text);
    case Severity::kSuggestion: return wrap("1;36", text);
  }
  return std::string(text);
}

namespace {
// Level (guide.h) and Severity (checker.h) are error, warning, suggestion, in that order.
Severity severity_of(Level level) { return static_cast<Severity>(static_cast<std::uint8_t>(level)); }
}  // namespace

std::string Palette::level(Level level, std::string_view text) const { return this->level(severity_of(level), text); }
std::string Palette::marker(Level level, std::string_view text) const { return marker(severity_of(level), text); }

std::string Palette::marker(Severity level, std::string_view text) const {
  // The marker's leading whitespace stays plain so only the carets are coloured.
  const std::size_t caret = text.find('^');
  if (caret == std::string_view::npos) return std::string(text);
  return std::string(text.substr(0, caret)) + this->level(level, text.substr(caret));
}

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
  if (c == '\t' || !report::is_unsafe_code_point(c)) {
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

ProgressBar::ProgressBar(std::size_t total, bool enabled) : total_(total) {
  if (enabled) thread_ = std::thread([this] { run(); });
}

ProgressBar::~ProgressBar() { stop(); }

void ProgressBar::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ProgressBar::print_above(std::string_view text) {
  if (text.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (drawn_) std::fputs("\r\x1b[K", stderr);
  drawn_ = false;
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

std::string ProgressBar::render(std::size_t done, std::size_t total, std::size_t width) {
  const std::string count = std::to_string(total), so_far = std::to_string(done);
  std::string label = "checking ";
  if (so_far.size() < count.size()) label.append(count.size() - so_far.size(), ' ');  // the count keeps its place
  label += so_far + "/" + count + " ";
  const std::size_t percent = total == 0 ? 100 : done * 100 / total;
  std::string tail = " ";
  tail += std::to_string(percent);
  tail += '%';
  // The bar takes what is left, up to 40 cells.
  const std::size_t room = width > label.size() + tail.size() + 2 ? width - label.size() - tail.size() - 2 : 0;
  const std::size_t cells = std::min<std::size_t>(room, 40);
  const std::size_t filled = total == 0 ? cells : cells * done / total;
  std::string bar = "▕";
  for (std::size_t i = 0; i < cells; ++i) bar += i < filled ? "█" : "░";
  bar += "▏";
  return cells == 0 ? label + tail.substr(1) : label + bar + tail;
}

void ProgressBar::run() {
  using namespace std::chrono_literals;
  std::unique_lock<std::mutex> lock(mutex_);
  // Quick runs never show a bar: the first draw waits half a second
  // (TONELINT_PROGRESS_DELAY_MS sets another delay; tests use 0).
  auto delay = std::chrono::milliseconds(500);
  if (const char* ms = std::getenv("TONELINT_PROGRESS_DELAY_MS"); ms != nullptr && *ms != '\0') {
    delay = std::chrono::milliseconds(std::strtol(ms, nullptr, 10));
  }
  // With no delay the bar is drawn at least once, however fast the run.
  if (delay.count() > 0 && wake_.wait_for(lock, delay, [this] { return stopping_; })) return;
  while (true) {
    winsize ws{};
    const std::size_t width = ::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
    std::string line = "\r";  // step by step: GCC 12 warns falsely on "..." + std::string&&
    line += render(done_.load(std::memory_order_relaxed), total_, width - 1);
    line += "\x1b[K";
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
    drawn_ = true;
    if (wake_.wait_for(lock, 100ms, [this] { return stopping_; })) break;
  }
  std::fputs("\r\x1b[K", stderr);  // leave the line clean for the summary
  std::fflush(stderr);
}

}  // namespace tonelint::cli
