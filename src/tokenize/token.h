// A token: a word, number, punctuation mark, emoji, URL, ... with its byte span in the
// source file and the forms rules match on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "segment/segmenter.h"

namespace tonelint {

enum class TokenKind : std::uint8_t {
  kWord,
  kNumber,
  kPunct,    // 。、！？.,!? 「」 ...
  kSymbol,   // other symbols: > ※ → ...
  kEmoji,    // one emoji sequence, ZWJ sequences and skin tones included
  kKaomoji,  // 顔文字: (^_^) (´・ω・`)
  kUrl,
  kEmail,
  kCode,     // masked non-prose (inline code, autolinks, raw HTML): never checked
  kName,     // a brand or product name of a user dictionary ("Simply Sync", ミナトクラウド):
             // one token, counted as words, never matched by a rule
};
const char* token_kind_name(TokenKind kind);

// Whether a rule looking at words should ever look at this token.
inline bool is_prose(TokenKind kind) {
  return kind != TokenKind::kUrl && kind != TokenKind::kEmail && kind != TokenKind::kCode && kind != TokenKind::kName;
}

// MeCab (ipadic) features of a Japanese token. Unknown words have no 原形/読み.
struct Morph {
  std::string_view pos;    // 品詞: 名詞, 動詞, 助詞, ...
  std::string_view pos1;   // 品詞細分類1
  std::string_view pos2;   // 品詞細分類2
  std::string_view pos3;   // 品詞細分類3
  std::string_view ctype;  // 活用型: 五段・カ行イ音便, 一段, サ変・スル, ...
  std::string_view cform;  // 活用形: 基本形, 連用形, 未然形, ...
  std::string_view base;   // 原形
  std::string_view reading;        // 読み (katakana)
  std::string_view pronunciation;  // 発音
};

struct Token {
  std::uint32_t offset = 0;       // byte span in the source file
  std::uint32_t length = 0;
  std::uint32_t text_offset = 0;  // byte span in the block text
  std::uint32_t text_length = 0;
  TokenKind kind = TokenKind::kWord;
  Lang lang = Lang::kNone;
  std::string_view surface;  // as written (block text)
  std::string_view norm;     // NFKC + case-folded: ＡＢＣ→abc, ｶﾀｶﾅ→カタカナ, Don't→don't
  std::string_view lemma;    // ja: 原形 (or norm); en: Snowball stem of norm; else norm
  const Morph* morph = nullptr;  // Japanese tokens analysed by MeCab; null otherwise
};

// How many words a token counts as in lengths and scores: a word or a number one, a
// name as many as it is written with ("Minato Cloud" two, ミナトクラウド one), else none.
inline std::size_t word_weight(const Token& t) {
  if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) return 1;
  if (t.kind != TokenKind::kName) return 0;
  std::size_t words = 1;
  for (std::size_t i = 1; i < t.surface.size(); ++i) words += t.surface[i] == ' ' && t.surface[i - 1] != ' ';
  return words;
}

}  // namespace tonelint
