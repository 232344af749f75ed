// A short text analysed on its own (a rule's phrase, a rewrite, an example): the analyzer
// makes of it exactly the tokens it would make of the same words in a draft.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extractor.h"
#include "input/source_text.h"
#include "tokenize/analyzer.h"
#include "tonelint/status.h"

namespace tonelint {

struct AnalyzedText {
  std::unique_ptr<SourceText> source;
  std::unique_ptr<Document> doc;  // plain text, unless analysed with another extractor
  Analysis analysis;

  // The tokens a rule can match: words, numbers, punctuation, emoji (not URLs or code).
  std::vector<Token> prose_tokens() const;
  // Prose tokens and brand names: what a rule's phrase is made of ("Minato Cloud outage").
  std::vector<Token> phrase_tokens() const;
};

Result<std::unique_ptr<AnalyzedText>> analyze_text(Analyzer& analyzer, std::string text);
// The same, the text read as `extractor`'s format (a Markdown heading, an e-mail's
// subject), as a draft of that format is read. Errors: the text refused (front matter).
Result<std::unique_ptr<AnalyzedText>> analyze_text(Analyzer& analyzer, std::string text, const Extractor& extractor);

}  // namespace tonelint
