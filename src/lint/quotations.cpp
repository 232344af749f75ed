#include "lint/quotations.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <optional>

#include "input/utf8.h"

namespace tonelint {
namespace {

struct CodePoint {
  char32_t c;
  std::uint32_t begin;  // byte offsets in the text
  std::uint32_t end;
};

// How a pair of marks behaves. Japanese brackets and curly double quotes are never
// anything but quotes; straight marks open and close with the same character; single
// quotes double as apostrophes.
struct QuoteMarks {
  char32_t open;
  char32_t close;
  bool apostrophe;  // also an apostrophe: needs non-letters around the pair, stays in its sentence
  bool guarded;     // opens only before a non-space after a non-letter, closes the other way round
};
constexpr QuoteMarks kQuoteMarks[] = {
    {U'「', U'」', false, false}, {U'『', U'』', false, false}, {U'“', U'”', false, false},
    {U'"', U'"', false, true},    {U'‘', U'’', true, true},     {U'\'', U'\'', true, true},
};

bool is_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }
bool is_alnum(char32_t c) { return u_isalnum(static_cast<UChar32>(c)); }

class QuoteScanner {
 public:
  QuoteScanner(std::string_view text, std::span<const std::uint32_t> sentence_ends)
      : text_size_(static_cast<std::uint32_t>(text.size())), sentence_ends_(sentence_ends) {
    for (std::size_t i = 0; i < text.size();) {
      const auto begin = static_cast<std::uint32_t>(i);
      const char32_t c = next_code_point(text, &i);
      points_.push_back({c, begin, static_cast<std::uint32_t>(i)});
    }
  }

  void scan(const QuoteMarks& marks, std::vector<TextRange>* out) const {
    for (std::size_t i = 0; i < points_.size(); ++i) {
      if (points_[i].c != marks.open || !can_open(marks, i)) continue;
      const std::uint32_t content = points_[i].end;
      const std::uint32_t sentence_end = sentence_end_after(points_[i].begin);
      if (const auto close = closing(marks, i, sentence_end)) {
        out->push_back({content, points_[*close].begin});
        i = *close;
      } else if (!marks.apostrophe) {
        out->push_back({content, sentence_end});
        while (i + 1 < points_.size() && points_[i + 1].begin < sentence_end) ++i;
      }
    }
  }

 private:
  char32_t at(std::size_t i) const { return i < points_.size() ? points_[i].c : U'\0'; }
  char32_t before(std::size_t i) const { return i == 0 ? U'\0' : points_[i - 1].c; }

  bool can_open(const QuoteMarks& marks, std::size_t i) const {
    if (!marks.guarded) return true;
    const char32_t next = at(i + 1);
    if (next == U'\0' || is_space(next) || (marks.apostrophe && !u_isalpha(static_cast<UChar32>(next)))) return false;
    return !is_alnum(before(i));
  }
  bool can_close(const QuoteMarks& marks, std::size_t i) const {
    if (!marks.guarded) return true;
    const char32_t previous = before(i);
    return previous != U'\0' && !is_space(previous) && !is_alnum(at(i + 1));
  }

  // The mark that closes the one opened at `open`: for brackets the one at the same depth.
  std::optional<std::size_t> closing(const QuoteMarks& marks, std::size_t open, std::uint32_t sentence_end) const {
    int depth = 0;
    for (std::size_t j = open + 1; j < points_.size(); ++j) {
      if (marks.apostrophe && points_[j].begin >= sentence_end) return std::nullopt;
      const char32_t c = points_[j].c;
      if (marks.open != marks.close && c == marks.open) {
        ++depth;
      } else if (c == marks.close && can_close(marks, j)) {
        if (depth == 0) return j;
        --depth;
      }
    }
    return std::nullopt;
  }

  std::uint32_t sentence_end_after(std::uint32_t offset) const {
    auto it = std::upper_bound(sentence_ends_.begin(), sentence_ends_.end(), offset);
    return it == sentence_ends_.end() ? text_size_ : std::min(*it, text_size_);
  }

  std::uint32_t text_size_;
  std::span<const std::uint32_t> sentence_ends_;
  std::vector<CodePoint> points_;
};

}  // namespace

std::vector<TextRange> quoted_ranges(std::string_view text, std::span<const std::uint32_t> sentence_ends) {
  std::vector<TextRange> out;
  // Most text quotes nothing: then nothing is decoded.
  constexpr std::string_view kOpeningMarks[] = {"「", "『", "“", "‘", "\"", "'"};
  if (std::none_of(std::begin(kOpeningMarks), std::end(kOpeningMarks),
                   [&](std::string_view mark) { return text.find(mark) != std::string_view::npos; })) {
    return out;
  }
  const QuoteScanner scanner(text, sentence_ends);
  for (const QuoteMarks& marks : kQuoteMarks) scanner.scan(marks, &out);
  std::erase_if(out, [](const TextRange& r) { return r.begin >= r.end; });
  return out;
}

}  // namespace tonelint
