// A finding: which rule, where (byte offsets into the original file), what to say, and
// the edits that would fix it. Lines and columns are computed at the edge (reporting).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "guide/guide.h"

namespace tonelint {

struct Suggestion {
  std::uint32_t offset = 0;  // bytes of the original file to replace
  std::uint32_t length = 0;
  std::string text;          // replacement
  bool safe = true;          // applied by --fix (unsafe ones need --fix=all)
};

struct Diagnostic {
  std::string rule;  // "<guide>.<rule id>"
  Level level = Level::kWarning;
  std::string message;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::string match;  // the matched text, as in the file
  std::vector<Suggestion> suggestions;
  std::string origin;  // the guide entry that made the rule what it is: "rules[2]", "tones[0]"
  std::string category;  // the rule's category, for scores
};

}  // namespace tonelint
