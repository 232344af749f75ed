// Japanese conjugation for rewrites: 見られる in the 連用形 is 見られ, so "見れます"
// becomes "見られます". Tables cover the 活用型 of ipadic that rewrites meet.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tonelint {

// `base` (a dictionary form such as 見られる) conjugated to `cform` (ipadic 活用形, e.g.
// 連用形) following `ctype` (ipadic 活用型, e.g. 一段). nullopt when the table has no
// such form or `base` does not end the way `ctype` says.
std::optional<std::string> conjugate(std::string_view base, std::string_view ctype, std::string_view cform);

}  // namespace tonelint
