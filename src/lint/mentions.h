// Use and mention: the parts of a draft where the writer names words rather than uses
// them. Text in quotation marks, the items of NG-word constructions (「マジのような表現は
// 避けます」, "avoid words like guys"), the list items and table cells under a heading or
// after a sentence that says they are words to avoid, a table's "NG"/"Don't"/"Before"
// column, an example after an "NG:" label, and the quoted lines ("> ") of a plain-text
// reply: the customer's words. Rules skip findings there unless they say `mentions: check`.
// (Code is masked by the extractors and never reaches a rule.)
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "extract/document.h"
#include "lint/mention_cues.h"
#include "tokenize/analyzer.h"

namespace tonelint {

class Mentions {
 public:
  Mentions() = default;  // nothing mentioned
  // Computed once per lint; linear in the draft's text and tokens.
  static Mentions find(const Document& doc, const Analysis& analysis);

  bool empty() const { return ranges_.empty(); }
  // Whether source bytes [offset, offset + length) lie inside one mentioned range (an
  // empty span: whether `offset` does).
  bool contains(std::uint32_t offset, std::uint32_t length) const;
  // Whether they share a byte with one.
  bool overlaps(std::uint32_t offset, std::uint32_t length) const;
  // Ordered, disjoint, never empty.
  std::span<const SourceRange> ranges() const { return ranges_; }

 private:
  explicit Mentions(std::vector<SourceRange> ranges);

  std::vector<SourceRange> ranges_;
};

}  // namespace tonelint
