// What rules read: one analysed draft ("message"), with helpers to get at its text.
#pragma once

#include <span>
#include <string_view>

#include "extract/document.h"
#include "tokenize/analyzer.h"

namespace tonelint {
class DocumentNames;
}

namespace tonelint {

struct MessageView {
  const Document& doc;
  const Analysis& analysis;
  // What the document shows about its words' case (engine/document_names.h); null when
  // not gathered (a rule then treats every word as if written once).
  const DocumentNames* names = nullptr;
  // This thread's analyzer, for a rule that checks a rewrite by analysing a word on its own
  // (a 可能動詞's 五段 verb); null when none is at hand, and the rewrite is then not offered.
  Analyzer* analyzer = nullptr;

  std::span<const Token> tokens(const AnalyzedSentence& s) const { return analysis.tokens_of(s); }
  // The sentence as analysed (block text: markup removed, code masked).
  std::string_view text(const AnalyzedSentence& s) const {
    const TextBlock& block = doc.blocks()[s.sentence.block];
    return block.text.substr(s.sentence.text_begin, s.sentence.text_end - s.sentence.text_begin);
  }
  const TextBlock& block(const AnalyzedSentence& s) const { return doc.blocks()[s.sentence.block]; }
  std::string_view source(std::uint32_t offset, std::uint32_t length) const {
    return doc.source().bytes().substr(offset, length);
  }
};

}  // namespace tonelint
