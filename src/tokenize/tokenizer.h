// Turns a sentence into tokens. Japanese goes through MeCab (with the whole sentence as
// context, NFKC-normalized so ＡＢＣ and ｶﾀｶﾅ read as ABC and カタカナ); the non-Japanese
// runs inside it and English sentences go through ICU word breaking, with Snowball stems.
// URLs, e-mail addresses, emoji, 顔文字 and masked code become single tokens.
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "extract/document.h"
#include "segment/segmenter.h"
#include "segment/special_spans.h"
#include "tokenize/arena.h"
#include "tokenize/mecab_model.h"
#include "tokenize/morph_table.h"
#include "tokenize/normalizer.h"
#include "tokenize/token.h"

struct sb_stemmer;

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace tonelint {

// Releases a Snowball stemmer with sb_stemmer_delete (defined in tokenizer.cpp).
struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const;
};

class Tokenizer {
 public:
  // Not thread-safe: one per thread, all sharing one MecabModel.
  static Result<std::unique_ptr<Tokenizer>> create(std::shared_ptr<const MecabModel> model);
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Appends the tokens of `sentence` (of `block`) in text order. `specials` are the
  // block's special spans. Token strings live in `arena`, `morphs` or the block text.
  void tokenize(const TextBlock& block, const Sentence& sentence, std::span<const SpecialSpan> specials,
                MorphTable* morphs, Arena* arena, std::vector<Token>* tokens);

 private:
  Tokenizer(std::shared_ptr<const MecabModel> model, Normalizer normalizer);

  struct Context;  // what the helpers below share for one sentence
  void tokenize_japanese(Context& ctx, std::uint32_t begin, std::uint32_t end);
  // ICU word breaking over [begin, end) of the block text, skipping special spans.
  void tokenize_other(Context& ctx, std::uint32_t begin, std::uint32_t end);
  // Merges the words of Latin-script names (of the model's NameList) into kName tokens.
  void mark_names(Context& ctx, std::size_t first_token);
  void emit(Context& ctx, std::uint32_t begin, std::uint32_t end, TokenKind kind, Lang lang,
            const Morph* morph);

  std::shared_ptr<const MecabModel> model_;
  Normalizer normalizer_;
  MecabTaggerHandle tagger_;
  MecabLatticeHandle lattice_;
  std::unique_ptr<icu::BreakIterator> word_breaker_;
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer_;
  // Buffers reused from sentence to sentence.
  std::string mecab_input_;
  std::string normalized_;
  SourceMap normalized_map_;
  struct ForeignNode {  // a non-Japanese MeCab token, sentence-relative
    std::uint32_t begin;
    std::uint32_t end;
    const char* feature;
  };
  std::vector<ForeignNode> group_nodes_;
};

}  // namespace tonelint
