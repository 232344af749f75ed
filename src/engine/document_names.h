// What a document itself shows about its words' case and identity, gathered once per
// document: the words it writes in capitals and how often (a plan code such as FREE, an
// acronym such as CRUD, a UI label such as SAVE is written the same way more than once; a
// shout usually once), and the words it writes as code (`master` in backticks names a
// branch, so "the master branch" is its name, not a choice of words).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extract/document.h"
#include "tokenize/analyzer.h"

namespace tonelint {

// A word of two letters or more written in capitals only: "CRUD", "FREE", not "I" or "Free".
bool is_all_capitals(std::string_view word);

// Whether token `t` of a sentence whose tokens begin at `sentence_begin` is the first word
// of a sentence: nothing but punctuation before it in the sentence, or right after an end
// mark (. ! ? : 。 ！ ？), since ICU does not break after every one ("UTILIZE IT. As per").
// A capital there says nothing about a name.
bool begins_sentence(std::span<const Token> tokens, std::uint32_t sentence_begin, std::uint32_t t);

class DocumentNames {
 public:
  DocumentNames(const Document& doc, const Analysis& analysis);

  // How many times the document writes `word` exactly so, in capitals, as a word on its own
  // (not inside a run of capitals, which is a shout) or in code.
  std::uint32_t capitals_count(std::string_view word) const;
  // Whether most of the document's sentences are Japanese: its Latin capitals are then
  // acronyms, codes and names (CRUD, ARIA, a plan FREE), not a raised voice.
  bool mainly_japanese() const { return japanese_sentences_ > other_sentences_; }
  // Whether the document writes `word` (case-folded, ASCII) as a word inside inline code.
  bool written_as_code(std::string_view folded_word) const;

 private:
  void add_code_words(std::string_view code);

  std::unordered_map<std::string, std::uint32_t> capitals_;
  std::unordered_set<std::string> code_words_;
  std::size_t japanese_sentences_ = 0;
  std::size_t other_sentences_ = 0;
};

}  // namespace tonelint
