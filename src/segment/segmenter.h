// Splits a block of prose into sentences and tells each sentence's languages.
// ICU sentence breaking, plus what Japanese and chat need: 。！？… end sentences, a line
// break ends a sentence, and 「」『』（）() keep what they enclose in one sentence.
#pragma once

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "segment/special_spans.h"
#include "tonelint/status.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace tonelint {

enum class Lang : std::uint8_t { kNone = 0, kJa = 1, kEn = 2 };
const char* lang_name(Lang lang);

// A set of languages: mixed sentences ("Settings を確認") hold both.
struct LangSet {
  std::uint8_t bits = 0;
  void add(Lang lang) { bits |= static_cast<std::uint8_t>(lang); }
  bool has(Lang lang) const { return (bits & static_cast<std::uint8_t>(lang)) != 0; }
  bool empty() const { return bits == 0; }
};

struct Sentence {
  std::uint32_t block = 0;       // index into Document::blocks(): the paragraph
  std::uint32_t text_begin = 0;  // byte range in the block's text
  std::uint32_t text_end = 0;
  std::uint32_t offset = 0;      // byte range in the source file
  std::uint32_t length = 0;
  Lang lang = Lang::kNone;       // the main language: ja when there is any kana or kanji
  LangSet langs;
  bool forced_split = false;     // cut because it exceeded kMaxSentenceBytes
};

// Longer "sentences" (a 10 MB line without punctuation) are cut so that analysis works
// on bounded pieces.
inline constexpr std::uint32_t kMaxSentenceBytes = 16 * 1024;

class Segmenter {
 public:
  // Not thread-safe (ICU break iterators are not): one per thread.
  static Result<std::unique_ptr<Segmenter>> create();
  ~Segmenter();  // out of line: BreakIterator is only declared here
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Appends the sentences of `block` (ordered, non-overlapping, trimmed, never empty)
  // and fills `specials` with the block's special spans.
  void segment(const TextBlock& block, std::uint32_t block_index, std::vector<SpecialSpan>* specials,
               std::vector<Sentence>* sentences);

 private:
  explicit Segmenter(std::unique_ptr<icu::BreakIterator> sentence_breaker);

  std::unique_ptr<icu::BreakIterator> sentence_breaker_;
  std::vector<std::uint32_t> breaks_;  // reused between calls
};

}  // namespace tonelint
