#include "segment/char_class.h"

#include <unicode/uchar.h>

namespace tonelint {

bool is_kana(char32_t c) {
  return (c >= 0x3041 && c <= 0x309F) ||   // hiragana
         (c >= 0x30A0 && c <= 0x30FF) ||   // katakana (includes ・ and ー)
         (c >= 0x31F0 && c <= 0x31FF) ||   // katakana phonetic extensions
         (c >= 0xFF66 && c <= 0xFF9F) ||   // half-width katakana
         (c >= 0x1B000 && c <= 0x1B16F);   // kana supplement / extended
}

bool is_kanji(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F) || c == 0x3005 || c == 0x3006 || c == 0x3007;
}

bool is_japanese(char32_t c) {
  return is_kana(c) || is_kanji(c) || (c >= 0x3000 && c <= 0x303F);  // CJK symbols and punctuation
}

bool is_latin_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) return true;  // Ａ-Ｚ ａ-ｚ
  // The blocks that hold Latin letters; anything else (kana, kanji, ...) is not Latin,
  // decided without a script lookup since this runs on every character of a sentence.
  const bool latin_block = (c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF) ||
                           (c >= 0x2C60 && c <= 0x2C7F) || (c >= 0xA720 && c <= 0xA7FF) ||
                           (c >= 0xAB30 && c <= 0xAB6F);
  return latin_block && u_isalpha(static_cast<UChar32>(c));
}

char32_t closing_bracket_for(char32_t opener) {
  switch (opener) {
    case U'「': return U'」';
    case U'『': return U'』';
    case U'（': return U'）';
    case U'(': return U')';
    case U'【': return U'】';
    case U'〔': return U'〕';
    case U'［': return U'］';
    case U'〈': return U'〉';
    case U'《': return U'》';
    case U'“': return U'”';
    default: return 0;
  }
}

bool is_closing_bracket(char32_t c) {
  switch (c) {
    case U'」': case U'』': case U'）': case U')': case U'】': case U'〕':
    case U'］': case U'〉': case U'》': case U'”':
      return true;
    default:
      return false;
  }
}

bool is_ellipsis(char32_t c) { return c == U'…' || c == U'‥'; }

}  // namespace tonelint
