// gumbo checks each attribute of a tag against every attribute before it (duplicates are
// dropped), so one tag with 15,000 attributes cost half a second of CPU: quadratic in the
// attributes of a tag. thin_attributes() bounds them in one linear pass before gumbo runs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tonelint {

// The attributes that reach gumbo, in one tag and in the whole document, besides the first
// of each name the extractor or gumbo's tree builder reads (alt, title, href, class, id,
// role, type, ...): gumbo's cost per attribute (several allocations) also adds up.
inline constexpr std::size_t kMaxHtmlAttributesPerTag = 64;
inline constexpr std::size_t kMaxHtmlAttributesPerDocument = 4096;

// `html` with every attribute past the limits (and every repeat of a name read
// by name, which gumbo drops anyway) overwritten by spaces, so offsets are unchanged and
// the attributes that matter are all kept; empty when no tag is over the limit. Tags are
// found as the HTML tokenizer finds them (comments and raw text such as <script> or
// <textarea> skipped).
std::string thin_attributes(std::string_view html);

}  // namespace tonelint
