#include "engine/analyzed_text.h"

#include "extract/plain_text_extractor.h"

namespace tonelint {

std::vector<Token> AnalyzedText::prose_tokens() const {
  std::vector<Token> out;
  for (const Token& t : analysis.tokens) {
    if (is_prose(t.kind)) out.push_back(t);
  }
  return out;
}

std::vector<Token> AnalyzedText::phrase_tokens() const {
  std::vector<Token> out;
  for (const Token& t : analysis.tokens) {
    if (is_prose(t.kind) || t.kind == TokenKind::kName) out.push_back(t);
  }
  return out;
}

Result<std::unique_ptr<AnalyzedText>> analyze_text(Analyzer& analyzer, std::string text) {
  return analyze_text(analyzer, std::move(text), PlainTextExtractor());
}

Result<std::unique_ptr<AnalyzedText>> analyze_text(Analyzer& analyzer, std::string text, const Extractor& extractor) {
  auto out = std::make_unique<AnalyzedText>();
  auto source = load_source_bytes(std::move(text), "<text>");
  if (!source.ok()) return source.status();
  out->source = std::move(*source);
  auto doc = extractor.extract(*out->source);
  if (!doc.ok()) return doc.status();
  out->doc = std::make_unique<Document>(std::move(*doc));
  analyzer.analyze(*out->doc, &out->analysis);
  return out;
}

}  // namespace tonelint
