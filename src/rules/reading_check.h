// Whether MeCab's reading of a verb can be trusted before a rewrite builds on it. MeCab
// splits a 一段 verb it does not know, Xれる, into X + the suffix れる, which reads as ら抜き
// (獲れた as 獲(え)+れ+た, where the text means とれた); and a 可能動詞 with an extra れ
// (行けれる) splits the same way. Rewriting either to られる (獲られた, 行けられる) is wrong.
#pragma once

#include "engine/message.h"
#include "tokenize/token.h"

namespace tonelint {

// Whether verb token `verb`, followed by the suffix れる, is too doubtful to rewrite:
//   - its surface is not its 原形's stem (an analysis that does not add up);
//   - its stem is one kanji read as a bare vowel (獲 エ, 得 エ): ipadic's readings of rare
//     verbs whose kanji usually belongs to a 五段 verb read otherwise;
//   - it is itself a 可能動詞: the 五段 verb its reading points to exists (行け イケ ← 行く
//     イク, read back with `analyzer`; 辞め ヤメ is not 辞む イナム, so it is a verb of its own).
// Without an analyzer the last test is skipped.
bool doubtful_before_reru(const Token& verb, Analyzer* analyzer);

}  // namespace tonelint
