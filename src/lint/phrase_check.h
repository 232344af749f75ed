// Whether every phrase of a guide has words to match, checked before a run lints anything.
// A phrase of punctuation only (words: ["。"]) analyses to no words; compiling the rules
// finds that, but only for a draft in a context that uses the rule, and then as an error
// of that one draft after the others were checked. The loader cannot tell (it has no
// analyzer), so the CLI runs this once per guide, right after loading the model.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "guide/guide.h"
#include "tokenize/analyzer.h"
#include "tonelint/status.h"

namespace tonelint {

class PhraseCheck {
 public:
  explicit PhraseCheck(Analyzer& analyzer) : analyzer_(analyzer) {}

  // Every phrase (words, lemmas, swap sources, unless, not_followed_by) of the guide's
  // voice and tone rules that has nothing to match, at its rule's file:line:column, in the
  // words rule compilation would use.
  std::vector<Status> check(const Guide& guide);

 private:
  Status check_phrase(const Rule& rule, const std::string& phrase);

  Analyzer& analyzer_;
  // Phrases already analysed, across the guides of a run (those that extend one base share
  // most of them): whether each has words.
  std::unordered_map<std::string, bool> has_words_;
};

}  // namespace tonelint
