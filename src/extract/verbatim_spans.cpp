#include "extract/verbatim_spans.h"

#include <algorithm>

namespace tonelint {

VerbatimSpans::VerbatimSpans(const Document& doc) {
  for (const TextBlock& block : doc.blocks()) block.map.plain_source_runs(doc.source().bytes(), &runs_);
  std::sort(runs_.begin(), runs_.end());
  max_end_.reserve(runs_.size());
  std::uint32_t best = 0;
  for (const auto& run : runs_) max_end_.push_back(best = std::max(best, run.second));
}

bool VerbatimSpans::contains(std::uint32_t offset, std::uint32_t length) const {
  // The runs that begin at or before `offset`; if the one reaching furthest covers the end,
  // it covers the span (runs of different blocks may overlap: a title attribute's text).
  const auto after = std::upper_bound(runs_.begin(), runs_.end(), offset,
                                      [](std::uint32_t o, const auto& run) { return o < run.first; });
  if (after == runs_.begin()) return false;
  const std::size_t last = static_cast<std::size_t>(after - runs_.begin()) - 1;
  return std::uint64_t{offset} + length <= max_end_[last];
}

}  // namespace tonelint
