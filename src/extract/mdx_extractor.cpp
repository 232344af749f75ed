#include "extract/mdx_extractor.h"

#include <string>

#include "extract/front_matter.h"
#include "extract/markdown_extractor.h"
#include "extract/mdx_syntax.h"

namespace tonelint {

// What this format is (see extract/formats.cpp).
constexpr std::string_view kExtensions[] = {"mdx"};
constexpr FormatTraits kTraits{"mdx", {}, kExtensions, CommentSyntax::kMdxComment};

namespace {

EmbeddedRole role_of(MdxKind kind) {
  switch (kind) {
    case MdxKind::kTag: return EmbeddedRole::kMarkup;
    case MdxKind::kCode: return EmbeddedRole::kCode;
    case MdxKind::kEsm:
    case MdxKind::kComment: return EmbeddedRole::kHidden;
  }
  return EmbeddedRole::kHidden;
}

// Where the MDX starts: after the front matter (its YAML may hold braces), else after a BOM.
std::uint32_t body_offset(const SourceText& source) {
  auto split = split_front_matter(source);
  return split.ok() ? split->body_offset : source.bom_length();
}

}  // namespace

const FormatTraits& MdxExtractor::traits() const { return kTraits; }

Result<Document> MdxExtractor::extract(const SourceText& source) const {
  auto split = split_front_matter(source);
  if (!split.ok()) return split.status();
  Document doc(source, std::string(format()));
  if (split->front_matter) doc.set_front_matter(std::move(*split->front_matter));

  const std::vector<MdxSpan> syntax = find_mdx_syntax(source.bytes(), split->body_offset);
  std::vector<EmbeddedSpan> embedded;
  embedded.reserve(syntax.size());
  for (const MdxSpan& span : syntax) embedded.push_back(EmbeddedSpan{span.begin, span.end, role_of(span.kind)});
  const std::string blanked = blank_mdx_syntax(source.bytes(), syntax);

  MarkdownDialect mdx;
  mdx.parse_bytes = blanked;
  mdx.body_offset = split->body_offset;
  mdx.embedded = embedded;
  mdx.indented_code = false;
  mdx.html_blocks = false;
  if (Status read = read_markdown_blocks(mdx, &doc); !read.ok()) return read;
  return doc;
}

std::vector<DirectiveComment> mdx_directive_comments(const SourceText& source) {
  std::vector<DirectiveComment> out;
  const std::string_view bytes = source.bytes();
  for (const MdxSpan& span : find_mdx_syntax(bytes, body_offset(source))) {
    if (span.kind != MdxKind::kComment) continue;
    const std::string_view text = bytes.substr(span.begin, span.end - span.begin);
    const bool html = text.starts_with("<!--");
    // {/* body */} or <!-- body -->
    const std::size_t open = html ? 4 : text.find("/*") + 2;
    const std::size_t close = html ? text.size() - 3 : text.rfind("*/");
    if (close < open) continue;
    out.push_back(DirectiveComment{span.begin, span.end - span.begin, static_cast<std::uint32_t>(span.begin + open),
                                   static_cast<std::uint32_t>(close - open)});
  }
  return out;
}

}  // namespace tonelint
