// Markdown (CommonMark + GitHub tables, autolinks) through md4c, which reports every text
// run as a pointer into the source, so offsets stay exact. Code (fenced, indented, inline),
// autolinks, link destinations, raw HTML and front matter are never prose.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "extract/extractor.h"

namespace tonelint {

// What a span of a dialect's own syntax (MDX's JSX, expressions, ESM) is in the prose.
enum class EmbeddedRole : std::uint8_t {
  kMarkup,  // a tag: at most a word break (" " between two words), as inline HTML is
  kHidden,  // a comment, an import: nothing
  kCode,    // an expression: a placeholder (a kCode mask), as inline code is
};

struct EmbeddedSpan {
  std::uint32_t begin;  // source bytes [begin, end)
  std::uint32_t end;
  EmbeddedRole role;
};

// What md4c reads for a dialect built on Markdown.
struct MarkdownDialect {
  // The source bytes, or a copy of the same length in which the dialect's syntax is blanked
  // (offsets into it are offsets into the source).
  std::string_view parse_bytes;
  std::uint32_t body_offset = 0;         // after the front matter
  std::span<const EmbeddedSpan> embedded;  // ordered, not overlapping; never prose
  bool indented_code = true;  // MDX has no indented code (JSX children are indented)
  bool html_blocks = true;    // nor HTML blocks (a `<` line is JSX)
};

// The prose blocks of `dialect.parse_bytes` into `doc` (whose source it mirrors).
Status read_markdown_blocks(const MarkdownDialect& dialect, Document* doc);

class MarkdownExtractor final : public Extractor {
 public:
  const FormatTraits& traits() const override;
  Result<Document> extract(const SourceText& source) const override;
};

// Decodes an HTML/Markdown character reference ("&amp;", "&#x1F600;"), or returns false
// for an unknown name (the caller keeps it verbatim).
bool decode_character_reference(std::string_view reference, std::string* out);

}  // namespace tonelint
