// Where a block of text quotes: 「…」『…』“…”‘…’ and straight "…" and '…'. What stands in
// quotation marks is someone's words, a title or a label, written as it must stay.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace tonelint {

// Byte ranges [begin, end) of `text` from an opening mark to its closing mark, both
// included, in order of their opening (nested ones follow the one around them). A curly
// or Japanese quotation left open runs to the end of the text; a straight one counts only
// when it is closed ("the '90s" opens nothing). A ’ between letters is an apostrophe.
std::vector<std::pair<std::uint32_t, std::uint32_t>> quotation_spans(std::string_view text);

// Whether byte `offset` lies inside one of `spans`.
bool in_quotation(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& spans, std::uint32_t offset);

}  // namespace tonelint
