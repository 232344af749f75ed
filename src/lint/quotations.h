// Quoted text in one block of prose: what lies between 「」『』, “” ‘’ and straight "…" or
// '…' pairs. What is quoted is mentioned, not used (lint/mentions.h).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace tonelint {

// A byte range [begin, end) of a block's text.
struct TextRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// The ranges between each pair of quotation marks in `text`, the marks left out, in no
// particular order (pairs of different marks may nest). `sentence_ends` are the block
// text offsets where its sentences end, ascending: a closing mark is looked for up to
// the end of the block, but an opening mark without one quotes only up to the end of its
// sentence, so that one stray mark does not hide the rest of the text. A single quote
// is taken for an apostrophe unless it opens after a non-letter and closes before one
// (don't, customers' and '90s quote nothing), and a lone single quote quotes nothing.
std::vector<TextRange> quoted_ranges(std::string_view text, std::span<const std::uint32_t> sentence_ends);

}  // namespace tonelint
