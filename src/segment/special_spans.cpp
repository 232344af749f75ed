#include "segment/special_spans.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "input/utf8.h"
#include "segment/char_class.h"

namespace tonelint {
namespace {

// Not std::isalnum: that consults the C locale on every call.
bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

bool starts_with_ci(std::string_view text, std::size_t i, std::string_view prefix) {
  if (text.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(text[i + k])) != prefix[k]) return false;
  }
  return true;
}

// URLs written out in prose: http(s)://, ftp://, www. — ASCII only, so a URL glued to
// Japanese text (https://example.comを参照) stops where the Japanese starts.
std::size_t url_length(std::string_view text, std::size_t i) {
  if (i > 0 && (is_ascii_alnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '@')) return 0;
  std::size_t prefix = 0;
  for (std::string_view scheme : {"https://", "http://", "ftp://", "www."}) {
    if (starts_with_ci(text, i, scheme)) {
      prefix = scheme.size();
      break;
    }
  }
  if (prefix == 0 || i + prefix >= text.size() || !is_ascii_alnum(static_cast<unsigned char>(text[i + prefix]))) {
    return 0;
  }
  std::size_t j = i + prefix;
  int open_parens = 0;
  while (j < text.size()) {
    const auto c = static_cast<unsigned char>(text[j]);
    if (c <= ' ' || c >= 0x80 || std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) != std::string_view::npos) {
      break;
    }
    if (c == '(') ++open_parens;
    if (c == ')') {
      if (open_parens == 0) break;  // "(see https://x.org)" keeps its closing paren outside
      --open_parens;
    }
    ++j;
  }
  // Sentence punctuation after a URL is not part of it.
  while (j > i + prefix && std::string_view(".,;:!?'*_").find(text[j - 1]) != std::string_view::npos) --j;
  return j - i;
}

bool is_email_local_char(unsigned char c) {
  return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// name@example.com, tried where a word starts.
std::size_t email_length(std::string_view text, std::size_t i) {
  std::size_t j = i;
  while (j < text.size() && is_email_local_char(static_cast<unsigned char>(text[j]))) ++j;
  if (j == i || j >= text.size() || text[j] != '@') return 0;
  std::size_t k = j + 1;
  std::size_t last_dot = 0;
  while (k < text.size()) {
    const auto c = static_cast<unsigned char>(text[k]);
    if (c == '.' && k > j + 1 && text[k - 1] != '.') {
      last_dot = k;
    } else if (!is_ascii_alnum(c) && c != '-') {
      break;
    }
    ++k;
  }
  while (k > j + 1 && text[k - 1] == '.') --k;
  // The sentence's final period is not the domain's last dot.
  if (last_dot >= k) last_dot = text.substr(0, k).rfind('.');
  if (last_dot == std::string_view::npos || last_dot <= j + 1) return 0;
  // A top-level domain of two or more letters.
  for (std::size_t t = last_dot + 1; t < k; ++t) {
    if (!std::isalpha(static_cast<unsigned char>(text[t]))) return 0;
  }
  return k - last_dot - 1 >= 2 ? k - i : 0;
}

bool has(char32_t c, UProperty property) { return u_hasBinaryProperty(static_cast<UChar32>(c), property) != 0; }

char32_t peek(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  return next_code_point(text, &i);
}

// Characters that make up faces: eyes, mouths, sweat, cheeks.
bool is_face_char(char32_t c) {
  static constexpr std::u32string_view kFace =
      U"^＾´`｀ω∀▽Дд≧≦◕‿・ﾟ゜°;；_＿￣ー~〜=><＞＜*＊ε∇⌒oOｏ0TＴUuvVxX'ಠ益ᴗ◡♡♥☆★∩ﾛ口艸゚ﾟ･ｰ-ｪ";
  return kFace.find(c) != std::u32string_view::npos;
}

bool is_left_arm(char32_t c) { return std::u32string_view(U"ヽ＼\\ヾ٩⊂ｍ").find(c) != std::u32string_view::npos; }
bool is_right_arm(char32_t c) {
  return std::u32string_view(U"ﾉノ/／ｼ۶⊃☆♪✧ｍ").find(c) != std::u32string_view::npos;
}

// 顔文字 such as (^_^) (´・ω・`) （＾ω＾） ヽ(・∀・)ﾉ: a bracketed run of face characters.
// Returns [begin, end) in *span when one starts at the bracket at `i`.
bool find_kaomoji(std::string_view text, std::size_t i, std::size_t* begin, std::size_t* end) {
  std::size_t j = i;
  next_code_point(text, &j);  // the opening bracket
  int inner = 0, faces = 0, letters_in_a_row = 0;
  while (j < text.size() && inner <= 20) {
    const char32_t c = next_code_point(text, &j);
    if (c == U')' || c == U'）') {
      if (inner < 2 || faces < 2 || faces * 5 < inner * 3) return false;  // at least 60% face
      *begin = i;
      *end = j;
      // Arms around the face belong to it.
      const char32_t before = previous_code_point(text, i);
      if (before != 0 && is_left_arm(before)) {
        std::size_t b = i - 1;
        while (b > 0 && is_utf8_continuation(static_cast<unsigned char>(text[b]))) --b;
        *begin = b;
      }
      if (const char32_t after = peek(text, j); after != 0 && is_right_arm(after)) next_code_point(text, end);
      return true;
    }
    if (c == U'\n' || c == U'(' || c == U'（' || is_kanji(c) || (c >= 0x3041 && c <= 0x309F)) return false;
    if (c < 0x80 && std::isdigit(static_cast<int>(c))) return false;
    const bool face = is_face_char(c);
    const bool letter = !face && u_isalpha(static_cast<UChar32>(c));
    letters_in_a_row = letter ? letters_in_a_row + 1 : 0;
    if (letters_in_a_row >= 2) return false;  // words in parentheses, not a face
    faces += face;
    inner += (c != U' ');
  }
  return false;
}

SpecialKind special_kind_of(MaskKind kind) {
  switch (kind) {
    case MaskKind::kCode: return SpecialKind::kCode;
    case MaskKind::kUrl: return SpecialKind::kMaskedUrl;
    case MaskKind::kEmail: return SpecialKind::kMaskedEmail;
    case MaskKind::kHtml: return SpecialKind::kMaskedHtml;
  }
  return SpecialKind::kCode;
}

}  // namespace

// Cheap range test before ICU property lookups: kana, kanji and full-width forms are
// never emoji, and they are most of Japanese text.
bool could_start_emoji(char32_t c) {
  if (c >= 0x1F000) return true;
  if (c < 0xA9) return c == U'#' || c == U'*' || (c >= U'0' && c <= U'9');
  if (c >= 0x3040 && c <= 0xFFFF) return c == 0x3297 || c == 0x3299;  // ㊗ ㊙
  return true;
}

std::size_t emoji_sequence_length(std::string_view text, std::size_t offset) {
  std::size_t j = offset;
  const char32_t first = next_code_point(text, &j);
  if (!could_start_emoji(first)) return 0;
  if (has(first, UCHAR_REGIONAL_INDICATOR)) {
    std::size_t k = j;
    if (has(peek(text, j), UCHAR_REGIONAL_INDICATOR)) next_code_point(text, &k);  // a flag: two indicators
    return k - offset;
  }
  if ((first >= U'0' && first <= U'9') || first == U'#' || first == U'*') {  // keycaps: 1️⃣ #️⃣
    std::size_t k = j;
    if (peek(text, k) == 0xFE0F) next_code_point(text, &k);
    if (peek(text, k) != 0x20E3) return 0;
    next_code_point(text, &k);
    return k - offset;
  }
  const bool pictographic = has(first, UCHAR_EXTENDED_PICTOGRAPHIC);
  // ©, ®, ™ and the like are pictographic but are text unless followed by VS16.
  if (!has(first, UCHAR_EMOJI_PRESENTATION) && !(pictographic && (first >= 0x1F000 || peek(text, j) == 0xFE0F))) {
    return 0;
  }
  while (j < text.size()) {
    const char32_t c = peek(text, j);
    if (c == 0xFE0F || c == 0xFE0E || c == 0x20E3 || has(c, UCHAR_EMOJI_MODIFIER) || (c >= 0xE0020 && c <= 0xE007F)) {
      next_code_point(text, &j);
      continue;
    }
    if (c == 0x200D) {  // ZWJ joins the next pictograph: 👩‍💻, 👨‍👩‍👧
      std::size_t k = j;
      next_code_point(text, &k);
      if (!has(peek(text, k), UCHAR_EXTENDED_PICTOGRAPHIC)) break;
      next_code_point(text, &k);
      j = k;
      continue;
    }
    break;
  }
  return j - offset;
}

std::vector<SpecialSpan> find_special_spans(std::string_view text, const std::vector<Mask>& masks) {
  std::vector<SpecialSpan> spans;
  // What cannot occur need not be tried at every word: no "@", no e-mail address;
  // no "://" or "www.", no URL; no U+20E3, no keycap emoji.
  const bool maybe_email = text.find('@') != std::string_view::npos;
  const bool maybe_url = text.find("://") != std::string_view::npos || text.find("www.") != std::string_view::npos ||
                         text.find("WWW.") != std::string_view::npos;
  const bool maybe_keycap = text.find("\xE2\x83\xA3") != std::string_view::npos;
  auto mask_it = masks.begin();
  std::size_t i = 0;
  bool at_word_start = true;  // e-mail addresses are tried where a word starts
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    SpecialKind kind = SpecialKind::kUrl;
    std::size_t begin = i;
    if (byte < 0x80) {
      if (maybe_url && (byte == 'h' || byte == 'H' || byte == 'w' || byte == 'W' || byte == 'f' || byte == 'F')) {
        n = url_length(text, i);
      }
      if (n == 0 && maybe_email && at_word_start && is_email_local_char(byte)) {
        n = email_length(text, i);
        kind = SpecialKind::kEmail;
      }
      if (n == 0 && byte == '(') {
        std::size_t b = 0, e = 0;
        if (find_kaomoji(text, i, &b, &e) && (spans.empty() || spans.back().end <= b)) {
          begin = b;
          n = e - i;
          kind = SpecialKind::kKaomoji;
        }
      }
      if (n == 0 && maybe_keycap && (byte == '#' || byte == '*' || (byte >= '0' && byte <= '9'))) {
        n = emoji_sequence_length(text, i);
        kind = SpecialKind::kEmoji;
      }
    } else if (text.compare(i, kPlaceholder.size(), kPlaceholder) == 0) {
      while (mask_it != masks.end() && mask_it->text_offset < i) ++mask_it;
      if (mask_it != masks.end() && mask_it->text_offset == i) {
        n = kPlaceholder.size();
        kind = special_kind_of(mask_it->kind);
      }
    } else {
      std::size_t j = i;
      const char32_t c = next_code_point(text, &j);
      if (c == U'（') {
        std::size_t b = 0, e = 0;
        if (find_kaomoji(text, i, &b, &e) && (spans.empty() || spans.back().end <= b)) {
          begin = b;
          n = e - i;
          kind = SpecialKind::kKaomoji;
        }
      } else {
        n = emoji_sequence_length(text, i);
        kind = SpecialKind::kEmoji;
      }
    }
    if (n > 0) {
      spans.push_back(SpecialSpan{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i + n), kind});
      i += n;
      at_word_start = true;
      continue;
    }
    if (byte < 0x80) {
      at_word_start = !is_email_local_char(byte);
      ++i;
    } else {
      at_word_start = true;
      next_code_point(text, &i);
    }
  }
  return spans;
}

}  // namespace tonelint
