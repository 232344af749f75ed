// HTML (.html .htm .xhtml) through gumbo, a full HTML5 parser, so broken markup is read the
// way a browser reads it. Element text becomes prose blocks (headings, list items, table
// cells, paragraphs); alt and title attributes become blocks of their own (kind alt_text);
// script, style, code, pre, template, svg/math, comments and template syntax ({{ }}, {% %},
// <% %>) are never prose. Entities are decoded and whitespace collapsed as a browser does,
// with every byte mapped back to the original file.
#pragma once

#include <string_view>

#include "extract/extractor.h"

namespace tonelint {

struct HtmlOptions {
  // An HTML part of an e-mail: its <title> (which repeats the Subject), quoted replies
  // (<blockquote type="cite">, gmail_quote, ...) and signatures are not checked.
  bool email = false;
};

class HtmlExtractor final : public Extractor {
 public:
  const FormatTraits& traits() const override;
  Result<Document> extract(const SourceText& source) const override;
};

// Adds the prose of `html` to `doc`. Offsets in `html` are mapped to source offsets by
// `outer` when given (a decoded e-mail part: html-text offset -> decoded offset -> file
// offset); without it `html` lies in doc->source().bytes() and maps directly.
Status extract_html(std::string_view html, const SourceMap* outer, const HtmlOptions& options, Document* doc);

}  // namespace tonelint
