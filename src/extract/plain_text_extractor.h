// Plain text (.txt, chat replies, anything unrecognised): paragraphs are separated by
// blank lines; the text is used in place, with no copy.
#pragma once

#include "extract/extractor.h"

namespace tonelint {

class PlainTextExtractor final : public Extractor {
 public:
  std::string_view format() const override { return "text"; }
  Result<Document> extract(const SourceText& source) const override;
};

}  // namespace tonelint
