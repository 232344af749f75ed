// Reading YAML mappings against a schema, as the guide loader and the repository config
// both do: the keys a mapping may hold, and the "unknown key" error with its "did you
// mean". Only .cpp files that already use yaml-cpp include this.
#pragma once

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "guide/did_you_mean.h"

namespace tonelint {

// Each key of `map` that `known` does not list, in file order, with its message:
// "unknown key 'k' in <where> (did you mean 'x'?)". A key that is not a scalar reads as ''.
inline std::vector<std::pair<YAML::Node, std::string>> unknown_keys(const YAML::Node& map,
                                                                    const std::vector<std::string>& known,
                                                                    std::string_view where) {
  std::vector<std::pair<YAML::Node, std::string>> out;
  for (const auto& entry : map) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    out.emplace_back(entry.first, unknown_key_message(key, where, known));
  }
  return out;
}

}  // namespace tonelint
