// The guide's own-language signs that words are named rather than used: the NG-word
// constructions (「〜のような表現」, "words like …", "avoid …"), headings and sentences
// that introduce words to avoid, the header of a "Don't" column, an "NG:" label. The
// lists are product content, kept small and curated in mention_cues.cpp; the README's
// "Use and mention" section lists them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "tokenize/token.h"

namespace tonelint {

// A byte range [begin, end) of the source file.
struct SourceRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// The items an NG-word construction in one sentence names: the words before 「のような表現」
// 「という言葉」「は使いません」「は避けます」, after "words like", "avoid", "instead of",
// "don't say", before "is banned". An item in quotation marks is left to the quotes.
void construction_items(std::span<const Token> sentence, std::vector<SourceRange>* out);

// Whether a heading or sentence says that the words it introduces are to be avoided:
// 避ける, 控える, 禁止, 使わない, NG, "avoid", "banned", "Don't", "never say".
bool says_avoid(std::span<const Token> tokens);

// Whether a heading opens a section of words to avoid: it says so and names words
// (使わない表現, "Words to avoid", NGワード) or is the cue alone ("Don't", "NG", 避ける);
// not 「ZoneJSを使わないAngular」 or 「再同期を避けたい場合の方法」.
bool heads_words_to_avoid(std::span<const Token> heading);

// Whether a sentence introduces what follows it: ends in a colon, or points at it
// ("the following", "these", 次の, 以下).
bool introduces_what_follows(std::span<const Token> tokens);

// Whether a table's header cell names the column of words to avoid: "NG", "Avoid",
// "Don't", "Before", 悪い例, 変更前, ×.
bool names_avoid_column(std::span<const Token> tokens);

// Where the example after a leading label starts: for "NG: …", "NG例：…", "Don't: …", "× …"
// the offset just past the label and the spaces after it; 0 when the line has none.
std::size_t avoid_label_length(std::string_view text);

}  // namespace tonelint
