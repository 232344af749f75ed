#include "cli/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

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

std::string Palette::marker(Severity level, std::string_view text) const {
  // The marker's leading whitespace stays plain so only the carets are coloured.
  const std::size_t caret = text.find('^');
  if (caret == std::string_view::npos) return std::string(text);
  return std::string(text.substr(0, caret)) + this->level(level, text.substr(caret));
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
