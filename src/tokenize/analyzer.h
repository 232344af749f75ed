// Runs segmentation and tokenization over a Document: the analysis every rule reads.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "extract/document.h"
#include "segment/segmenter.h"
#include "tokenize/arena.h"
#include "tokenize/morph_table.h"
#include "tokenize/token.h"
#include "tokenize/tokenizer.h"

namespace tonelint {

struct AnalyzedSentence {
  Sentence sentence;
  std::uint32_t token_begin = 0;  // range in Analysis::tokens
  std::uint32_t token_end = 0;
};

// The sentences and tokens of one document. Token strings point into the document's
// block text or into this object, so keep both alive while tokens are used.
struct Analysis {
  std::vector<AnalyzedSentence> sentences;
  std::vector<Token> tokens;
  Arena arena;
  MorphTable morphs;

  std::span<const Token> tokens_of(const AnalyzedSentence& s) const {
    return std::span<const Token>(tokens).subspan(s.token_begin, s.token_end - s.token_begin);
  }
};

class Analyzer {
 public:
  // Not thread-safe: one per thread, all sharing one MecabModel.
  static Result<std::unique_ptr<Analyzer>> create(std::shared_ptr<const MecabModel> model);

  // Analyses a whole document.
  void analyze(const Document& doc, Analysis* out);

  // Streams the document sentence by sentence; memory stays bounded by one block's
  // sentence list and one sentence's tokens, whatever the input size. The tokens are
  // valid only during the callback.
  using SentenceCallback = std::function<void(const TextBlock&, const Sentence&, std::span<const Token>)>;
  void for_each_sentence(const Document& doc, const SentenceCallback& callback);

 private:
  Analyzer(std::unique_ptr<Segmenter> segmenter, std::unique_ptr<Tokenizer> tokenizer)
      : segmenter_(std::move(segmenter)), tokenizer_(std::move(tokenizer)) {}

  std::unique_ptr<Segmenter> segmenter_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::vector<SpecialSpan> specials_;
  std::vector<Sentence> sentences_;
  static constexpr std::size_t kMaxStreamingMorphs = 200'000;
  MorphTable streaming_morphs_;
};

}  // namespace tonelint
