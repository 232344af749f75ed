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

// "a, b, c".
std::string join_names(const std::vector<std::string>& names);

// The error for a value that is not one of `allowed`, as every reader of guides, configs
// and requests writes it: "unknown <what> '<value>' (did you mean 'x'?)<before_list>a, b, c".
std::string unknown_value_message(std::string_view what, std::string_view value, const std::vector<std::string>& allowed,
                                  std::string_view before_list = "; expected one of: ");

// "unknown key '<key>' in <where> (did you mean 'x'?)".
std::string unknown_key_message(std::string_view key, std::string_view where, const std::vector<std::string>& known);

}  // namespace tonelint
