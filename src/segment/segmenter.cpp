#include "segment/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>

#include "input/utf8.h"
#include "segment/char_class.h"

namespace tonelint {
namespace {

struct Zone {  // break positions p with begin < p <= end are inside brackets
  std::uint32_t begin;
  std::uint32_t end;
};

// Matched bracket pairs. A line break closes every open bracket: an unbalanced "(" in
// a chat line must not glue the following lines together.
std::vector<Zone> bracket_zones(std::string_view text) {
  struct Open {
    char32_t closer;
    std::uint32_t position;
  };
  std::vector<Open> stack;
  std::vector<Zone> zones;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto at = static_cast<std::uint32_t>(i);
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && byte != '(' && byte != ')' && byte != '\n') {  // most ASCII is no bracket
      ++i;
      continue;
    }
    const char32_t c = next_code_point(text, &i);
    if (c == U'\n') {
      stack.clear();
    } else if (char32_t closer = closing_bracket_for(c)) {
      if (stack.size() < 64) stack.push_back(Open{closer, at});
    } else if (is_closing_bracket(c)) {
      auto match = std::find_if(stack.rbegin(), stack.rend(), [c](const Open& o) { return o.closer == c; });
      if (match != stack.rend()) {
        const std::uint32_t open_at = match->position;
        stack.erase(match.base() - 1, stack.end());
        if (stack.empty()) zones.push_back(Zone{open_at, at});  // outermost pairs only
      }
    }
  }
  return zones;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0; }

// Particles that continue a sentence after a closing quote: 「はい。」と言った.
bool continues_after_quote(char32_t c) {
  return c == U'と' || c == U'っ' || c == U'の' || c == U'を' || c == U'も' || c == U'は' || c == U'が';
}

}  // namespace

const char* lang_name(Lang lang) {
  switch (lang) {
    case Lang::kJa: return "ja";
    case Lang::kEn: return "en";
    case Lang::kNone: return "none";
  }
  return "none";
}

Segmenter::Segmenter(std::unique_ptr<icu::BreakIterator> sentence_breaker)
    : sentence_breaker_(std::move(sentence_breaker)) {}

Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::create() {
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" keeps abbreviations such as "Mr." and "e.g." inside the sentence.
  std::unique_ptr<icu::BreakIterator> breaker(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status) || !breaker) {
    return Status(ErrorCode::kInternal, std::string("ICU sentence break iterator: ") + u_errorName(status));
  }
  return std::unique_ptr<Segmenter>(new Segmenter(std::move(breaker)));
}

void Segmenter::segment(const TextBlock& block, std::uint32_t block_index, std::vector<SpecialSpan>* specials,
                        std::vector<Sentence>* sentences) {
  const std::string_view text = block.text;
  *specials = find_special_spans(text, block.masks);
  if (text.empty()) return;

  // 1. Candidate breaks: ICU's, plus after runs of … ‥ followed by Japanese.
  breaks_.clear();
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_SUCCESS(status)) {
    sentence_breaker_->setText(&utext, status);
    for (int32_t p = sentence_breaker_->next(); p != icu::BreakIterator::DONE && U_SUCCESS(status);
         p = sentence_breaker_->next()) {
      // ICU counts opening brackets after a terminator as its closing punctuation
      // ("違います。「はい"); they open the next sentence, so break before them.
      auto q = static_cast<std::size_t>(p);
      while (q > 0 && q < text.size() && closing_bracket_for(previous_code_point(text, q)) != 0) {
        --q;
        while (q > 0 && is_utf8_continuation(static_cast<unsigned char>(text[q]))) --q;
      }
      breaks_.push_back(static_cast<std::uint32_t>(q));
    }
  }
  utext_close(&utext);
  std::size_t scan = 0;
  while (scan < text.size()) {
    const std::size_t at = text.find("\xE2\x80", scan);  // … (E2 80 A6) and ‥ (E2 80 A5)
    if (at == std::string_view::npos) break;
    std::size_t j = at;
    if (!is_ellipsis(next_code_point(text, &j))) {
      scan = at + 1;
      continue;
    }
    std::size_t end = j;
    while (end < text.size()) {
      std::size_t k = end;
      const char32_t c = next_code_point(text, &k);
      if (!is_ellipsis(c) && !is_closing_bracket(c)) break;
      end = k;
    }
    std::size_t k = end;
    const char32_t next = end < text.size() ? next_code_point(text, &k) : 0;
    if (next != 0 && is_japanese(next) && !is_closing_bracket(next)) breaks_.push_back(static_cast<std::uint32_t>(end));
    scan = end;
  }
  std::sort(breaks_.begin(), breaks_.end());
  breaks_.erase(std::unique(breaks_.begin(), breaks_.end()), breaks_.end());
  if (breaks_.empty() || breaks_.back() != text.size()) breaks_.push_back(static_cast<std::uint32_t>(text.size()));

  // 2. Drop breaks inside special spans and bracket pairs, and before quoting particles.
  const std::vector<Zone> zones = bracket_zones(text);
  auto zone = zones.begin();
  auto special = specials->begin();
  std::vector<std::uint32_t> kept;
  kept.reserve(breaks_.size());
  for (std::uint32_t p : breaks_) {
    if (p == text.size()) {
      kept.push_back(p);
      continue;
    }
    const bool after_line_break = p > 0 && (text[p - 1] == '\n' || text[p - 1] == '\r');
    while (zone != zones.end() && zone->end < p) ++zone;
    while (special != specials->end() && special->end <= p) ++special;
    if (special != specials->end() && special->begin < p) continue;
    if (!after_line_break && zone != zones.end() && zone->begin < p && p <= zone->end) continue;
    if (!after_line_break && is_closing_bracket(previous_code_point(text, p))) {
      std::size_t k = p;
      if (continues_after_quote(next_code_point(text, &k))) continue;
    }
    kept.push_back(p);
  }

  // 3. Emit trimmed sentences, cutting over-long ones at a space or comma.
  std::uint32_t start = 0;
  auto emit = [&](std::uint32_t begin, std::uint32_t end, bool forced) {
    std::size_t b = begin;
    while (b < end) {
      std::size_t k = b;
      if (!is_space(next_code_point(text, &k))) break;
      b = k;
    }
    std::size_t e = end;
    while (e > b) {
      const char32_t c = previous_code_point(text, e);
      if (!is_space(c)) break;
      std::size_t k = e - 1;
      while (k > b && is_utf8_continuation(static_cast<unsigned char>(text[k]))) --k;
      e = k;
    }
    if (e <= b) return;
    Sentence s;
    s.block = block_index;
    s.text_begin = static_cast<std::uint32_t>(b);
    s.text_end = static_cast<std::uint32_t>(e);
    s.offset = block.map.to_source_begin(s.text_begin);
    s.length = std::max(block.map.to_source_end(s.text_end), s.offset) - s.offset;  // never wraps
    s.forced_split = forced;
    bool ja = false, en = false;
    for (std::size_t k = b; k < e && !(ja && en);) {
      const auto byte = static_cast<unsigned char>(text[k]);
      if (byte < 0x80) {  // ASCII: only letters matter
        en = en || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
        ++k;
        continue;
      }
      const char32_t c = next_code_point(text, &k);
      ja = ja || is_kana(c) || is_kanji(c);
      en = en || is_latin_letter(c);
    }
    if (ja) s.langs.add(Lang::kJa);
    if (en) s.langs.add(Lang::kEn);
    s.lang = ja ? Lang::kJa : (en ? Lang::kEn : Lang::kNone);
    sentences->push_back(s);
  };
  for (std::uint32_t end : kept) {
    while (end - start > kMaxSentenceBytes) {
      // Cut at the last space or comma before the limit, else at a code point boundary.
      std::uint32_t cut = start + kMaxSentenceBytes;
      const std::string_view window = text.substr(start, kMaxSentenceBytes);
      std::size_t soft = window.find_last_of(" ,\t");
      if (const std::size_t touten = window.rfind("\xE3\x80\x81"); touten != std::string_view::npos &&
                                                                     (soft == std::string_view::npos || touten > soft)) {
        soft = touten + 2;  // after 、
      }
      if (soft != std::string_view::npos && soft > kMaxSentenceBytes / 2) {
        cut = start + static_cast<std::uint32_t>(soft) + 1;
      } else {
        while (cut > start && is_utf8_continuation(static_cast<unsigned char>(text[cut]))) --cut;
      }
      // Never cut inside a special span (a URL, an emoji sequence).
      auto inside = std::upper_bound(specials->begin(), specials->end(), cut,
                                     [](std::uint32_t c, const SpecialSpan& s) { return c < s.end; });
      if (inside != specials->end() && inside->begin < cut && inside->begin > start) cut = inside->begin;
      emit(start, cut, true);
      start = cut;
    }
    emit(start, end, false);
    start = end;
  }
}

}  // namespace tonelint
