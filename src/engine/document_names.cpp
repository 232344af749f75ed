#include "engine/document_names.h"

#include <algorithm>

namespace tonelint {
namespace {

bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_word_char(char c) { return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-'; }

}  // namespace

bool is_all_capitals(std::string_view word) {
  int upper = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
  }
  return upper >= 2;
}

bool begins_sentence(std::span<const Token> tokens, std::uint32_t sentence_begin, std::uint32_t t) {
  for (std::uint32_t k = t; k-- > sentence_begin;) {
    const Token& before = tokens[k];
    if (before.kind == TokenKind::kWord || before.kind == TokenKind::kName || before.kind == TokenKind::kNumber) {
      return false;
    }
    for (std::string_view end : {".", "!", "?", ":", "。", "！", "？", "："}) {
      if (before.surface == end) return true;
    }
  }
  return true;
}

DocumentNames::DocumentNames(const Document& doc, const Analysis& analysis) {
  for (const AnalyzedSentence& as : analysis.sentences) {
    ++(as.sentence.lang == Lang::kJa ? japanese_sentences_ : other_sentences_);
    const auto word_in_capitals = [&](std::uint32_t k) {
      return k >= as.token_begin && k < as.token_end && analysis.tokens[k].kind == TokenKind::kWord &&
             is_all_capitals(analysis.tokens[k].surface);
    };
    for (std::uint32_t k = as.token_begin; k < as.token_end; ++k) {
      const Token& t = analysis.tokens[k];
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kName) continue;
      if (!is_all_capitals(t.surface) || word_in_capitals(k + 1) || (k > 0 && word_in_capitals(k - 1))) continue;
      ++capitals_[std::string(t.surface)];
    }
  }
  const std::string_view source = doc.source().bytes();
  for (const TextBlock& block : doc.blocks()) {
    for (const Mask& mask : block.masks) {
      if (mask.kind != MaskKind::kCode) continue;
      const std::uint32_t begin = block.map.to_source_begin(mask.text_offset);
      const std::uint32_t end = block.map.to_source_end(mask.text_offset + static_cast<std::uint32_t>(kPlaceholder.size()));
      if (begin < end && end <= source.size()) add_code_words(source.substr(begin, end - begin));
    }
  }
}

// The words of a code span: `git push origin master` gives git, push, origin, master;
// words in capitals there count as capitals too (`FREE` as a plan id).
void DocumentNames::add_code_words(std::string_view code) {
  std::size_t i = 0;
  while (i < code.size()) {
    if (!is_ascii_letter(code[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < code.size() && is_word_char(code[end])) ++end;
    const std::string_view word = code.substr(i, end - i);
    if (is_all_capitals(word)) ++capitals_[std::string(word)];
    std::string folded(word);
    std::transform(folded.begin(), folded.end(), folded.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    code_words_.insert(std::move(folded));
    i = end;
  }
}

std::uint32_t DocumentNames::capitals_count(std::string_view word) const {
  const auto it = capitals_.find(std::string(word));
  return it == capitals_.end() ? 0 : it->second;
}

bool DocumentNames::written_as_code(std::string_view folded_word) const {
  return code_words_.contains(std::string(folded_word));
}

}  // namespace tonelint
