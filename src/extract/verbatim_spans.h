// Which source byte ranges are plain runs of text: copied verbatim into one block's text,
// with no markup, entity, emphasis marker or comment inside (a soft line break may be). A rewrite is written into the
// source, so it is offered only for a span inside one such run; one that crossed a tag
// would delete it ("ut<b>il</b>ize" -> "use" loses the <b>).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "extract/document.h"

namespace tonelint {

class VerbatimSpans {
 public:
  explicit VerbatimSpans(const Document& doc);

  // True when source bytes [offset, offset + length) lie inside one verbatim run (an empty
  // span: at or between the ends of one).
  bool contains(std::uint32_t offset, std::uint32_t length) const;

 private:
  std::vector<std::pair<std::uint32_t, std::uint32_t>> runs_;  // [begin, end), by begin
  std::vector<std::uint32_t> max_end_;  // max_end_[i]: the largest end among runs_[0..i]
};

}  // namespace tonelint
