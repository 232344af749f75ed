// Spans of a block's text that are single tokens whatever the language: URLs, e-mail
// addresses, emoji sequences, 顔文字 and placeholders for masked non-prose. Sentences
// never break inside them and MeCab never sees them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace tonelint {

enum class SpecialKind : std::uint8_t { kUrl, kEmail, kEmoji, kKaomoji, kCode, kMaskedUrl, kMaskedEmail, kMaskedHtml };

struct SpecialSpan {
  std::uint32_t begin;  // byte offsets in the block text
  std::uint32_t end;
  SpecialKind kind;
};

// Finds the special spans of `text`, ordered and not overlapping. `masks` are the
// block's placeholders (they become kCode/kMaskedUrl/kMaskedHtml spans).
std::vector<SpecialSpan> find_special_spans(std::string_view text, const std::vector<Mask>& masks);

// Length of the emoji sequence starting at `offset` (ZWJ sequences, skin tones, flags,
// keycaps, tag sequences), or 0 when none starts there.
std::size_t emoji_sequence_length(std::string_view text, std::size_t offset);

}  // namespace tonelint
