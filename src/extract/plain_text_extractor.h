// Plain text (.txt, chat replies, anything unrecognised): paragraphs are separated by
// blank lines; the text is used in place, with no copy.
#pragma once

#include <string_view>

#include "extract/extractor.h"

namespace tonelint {

// A line that is a tonelint comment in plain text (`# tonelint-disable shouchi`,
// `// tonelint-enable`): a directive, not prose. Returns the text after `#` or `//`, or an
// empty view when the line is not one.
std::string_view plain_text_directive(std::string_view line);

class PlainTextExtractor final : public Extractor {
 public:
  const FormatTraits& traits() const override;
  Result<Document> extract(const SourceText& source) const override;
};

}  // namespace tonelint
