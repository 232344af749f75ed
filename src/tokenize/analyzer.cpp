#include "tokenize/analyzer.h"

namespace tonelint {

Result<std::unique_ptr<Analyzer>> Analyzer::create(std::shared_ptr<const MecabModel> model) {
  auto segmenter = Segmenter::create();
  if (!segmenter.ok()) return segmenter.status();
  auto tokenizer = Tokenizer::create(std::move(model));
  if (!tokenizer.ok()) return tokenizer.status();
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(*segmenter), std::move(*tokenizer)));
}

void Analyzer::analyze(const Document& doc, Analysis* out) {
  const auto& blocks = doc.blocks();
  for (std::uint32_t b = 0; b < blocks.size(); ++b) {
    sentences_.clear();
    segmenter_->segment(blocks[b], b, &specials_, &sentences_);
    for (const Sentence& s : sentences_) {
      AnalyzedSentence& as = out->sentences.emplace_back();
      as.sentence = s;
      as.token_begin = static_cast<std::uint32_t>(out->tokens.size());
      tokenizer_->tokenize(blocks[b], s, specials_, &out->morphs, &out->arena, &out->tokens);
      as.token_end = static_cast<std::uint32_t>(out->tokens.size());
    }
  }
}

void Analyzer::for_each_sentence(const Document& doc, const SentenceCallback& callback) {
  // Streamed tokens live only during the callback, so the morph table may outlive the
  // document and serve the next one; it is bounded by the vocabulary, and capped anyway.
  if (streaming_morphs_.size() > kMaxStreamingMorphs) streaming_morphs_ = MorphTable();
  MorphTable& morphs = streaming_morphs_;
  Arena arena;
  std::vector<Token> tokens;
  const auto& blocks = doc.blocks();
  for (std::uint32_t b = 0; b < blocks.size(); ++b) {
    sentences_.clear();
    segmenter_->segment(blocks[b], b, &specials_, &sentences_);
    for (const Sentence& s : sentences_) {
      tokens.clear();
      arena.clear();
      tokenizer_->tokenize(blocks[b], s, specials_, &morphs, &arena, &tokens);
      callback(blocks[b], s, tokens);
    }
  }
}

}  // namespace tonelint
