// MDX (.mdx): Markdown with ESM, JSX and JavaScript expressions. The MDX syntax
// (extract/mdx_syntax.h) is found first and blanked byte for byte; md4c then reads the
// rest as Markdown, so headings, lists, code fences and links work as in .md files while
// imports, exports, tags, attributes and expressions are never prose. JSX text children
// are prose; an inline expression is a placeholder, as inline code is. Front matter works
// as in Markdown. Every offset still points at the original bytes.
#pragma once

#include <vector>

#include "extract/extractor.h"

namespace tonelint {

class MdxExtractor final : public Extractor {
 public:
  const FormatTraits& traits() const override;
  Result<Document> extract(const SourceText& source) const override;
};

// The tonelint comments of an MDX draft: `{/* tonelint-disable … */}` (and `<!-- … -->`)
// wherever MDX reads a comment, never in code, strings or front matter.
std::vector<DirectiveComment> mdx_directive_comments(const SourceText& source);

}  // namespace tonelint
