// What a capitalization rule's options hold that others may ask about: the word list its
// `lexicon:` named, shared by every rule (and guide) that names the same file.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>

#include "guide/guide.h"

namespace tonelint {

// Null for a rule without a lexicon, or of another kind.
std::shared_ptr<const std::unordered_set<std::string>> capitalization_lexicon(const Rule& rule);

}  // namespace tonelint
