// Markdown (CommonMark + GitHub tables, autolinks) through md4c, which reports every text
// run as a pointer into the source, so offsets stay exact. Code (fenced, indented, inline),
// autolinks, link destinations, raw HTML and front matter are never prose.
#pragma once

#include "extract/extractor.h"

namespace tonelint {

class MarkdownExtractor final : public Extractor {
 public:
  const FormatTraits& traits() const override;
  Result<Document> extract(const SourceText& source) const override;
};

// Decodes an HTML/Markdown character reference ("&amp;", "&#x1F600;"), or returns false
// for an unknown name (the caller keeps it verbatim).
bool decode_character_reference(std::string_view reference, std::string* out);

}  // namespace tonelint
