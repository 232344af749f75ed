// Character classes that decide how text is segmented and which tokenizer handles it.
#pragma once

#include <cstdint>

namespace tonelint {

// Hiragana, katakana (full and half width), the prolonged sound mark.
bool is_kana(char32_t c);
// CJK ideographs (kanji) and the iteration marks 々〆〇.
bool is_kanji(char32_t c);
// Characters MeCab should see: kana, kanji and Japanese punctuation (、。「」・ …).
bool is_japanese(char32_t c);
// Latin letters, ASCII and full-width.
bool is_latin_letter(char32_t c);

// Opening and closing brackets that keep a sentence together (「」『』（）() 【】 …).
// Returns the matching closer for an opener, 0 otherwise.
char32_t closing_bracket_for(char32_t opener);
bool is_closing_bracket(char32_t c);

// Sentence terminators ICU does not know for Japanese: the ellipses … and ‥.
bool is_ellipsis(char32_t c);

}  // namespace tonelint
