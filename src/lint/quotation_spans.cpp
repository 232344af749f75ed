#include "lint/quotation_spans.h"

#include <array>

namespace tonelint {
namespace {

struct Pair {
  std::string_view open;
  std::string_view close;
};
constexpr std::array<Pair, 4> kPaired = {{{"「", "」"}, {"『", "』"}, {"“", "”"}, {"‘", "’"}}};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A straight mark opens where a word may start (after a space, a bracket or the start) and
// is followed by text; it closes where a word has just ended.
bool may_open(std::string_view text, std::size_t i) {
  const bool before_ok = i == 0 || is_space(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '[';
  return before_ok && i + 1 < text.size() && !is_space(text[i + 1]);
}
bool may_close(std::string_view text, std::size_t i) {
  const bool after_ok = i + 1 >= text.size() || !is_alnum(text[i + 1]);
  return i > 0 && !is_space(text[i - 1]) && after_ok;
}

// ’ between two letters or digits is an apostrophe (don’t), not a closing mark.
bool is_apostrophe(std::string_view text, std::size_t i, std::size_t width) {
  return text.substr(i, width) == "’" && i > 0 && is_alnum(text[i - 1]) && i + width < text.size() &&
         is_alnum(text[i + width]);
}

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> quotation_spans(std::string_view text) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  struct Open {
    std::size_t pair;  // kPaired index, or kPaired.size() + 0/1 for straight " and '
    std::size_t span;  // index into spans
  };
  std::vector<Open> open;
  const auto n = static_cast<std::uint32_t>(text.size());
  for (std::uint32_t i = 0; i < n;) {
    bool matched = false;
    for (std::size_t p = 0; p < kPaired.size() && !matched; ++p) {
      const Pair& pair = kPaired[p];
      if (text.substr(i, pair.close.size()) == pair.close && !is_apostrophe(text, i, pair.close.size())) {
        // The nearest quotation of this kind closes; straight ones opened inside it and
        // left open quote nothing.
        std::size_t k = open.size();
        while (k > 0 && open[k - 1].pair != p) --k;
        if (k > 0) {
          spans[open[k - 1].span].second = i + static_cast<std::uint32_t>(pair.close.size());
          open.resize(k - 1);
          i += static_cast<std::uint32_t>(pair.close.size());
          matched = true;
          continue;
        }
      }
      if (text.substr(i, pair.open.size()) == pair.open) {
        open.push_back({p, spans.size()});
        spans.emplace_back(i, n);
        i += static_cast<std::uint32_t>(pair.open.size());
        matched = true;
      }
    }
    if (matched) continue;
    if (text[i] == '"' || text[i] == '\'') {
      const std::size_t kind = kPaired.size() + (text[i] == '"' ? 0 : 1);
      if (!open.empty() && open.back().pair == kind && may_close(text, i)) {
        spans[open.back().span].second = i + 1;
        open.pop_back();
      } else if (may_open(text, i)) {
        open.push_back({kind, spans.size()});
        spans.emplace_back(i, UINT32_MAX);  // not yet closed
      }
    }
    ++i;
  }
  // Straight quotation marks never closed quote nothing; curly and Japanese ones run on.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> kept;
  kept.reserve(spans.size());
  for (const auto& span : spans) {
    if (span.second != UINT32_MAX) kept.push_back(span);
  }
  return kept;
}

bool in_quotation(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& spans, std::uint32_t offset) {
  for (const auto& [begin, end] : spans) {
    if (begin > offset) break;
    if (offset < end) return true;
  }
  return false;
}

}  // namespace tonelint
