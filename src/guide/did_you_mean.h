// "Did you mean ...?" for misspelt keys, rule ids and context values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tonelint {

// The candidate closest to `word` (Damerau–Levenshtein, case-insensitive), if it is close
// enough to be a likely typo; empty otherwise.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace tonelint
