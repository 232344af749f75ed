// Interns MeCab feature strings: a document repeats the same few thousand words, so each
// distinct feature is parsed and stored once per analysis.
#pragma once

#include <deque>
#include <string_view>
#include <unordered_map>

#include "tokenize/arena.h"
#include "tokenize/token.h"

namespace tonelint {

class MorphTable {
 public:
  // The parsed features of an ipadic feature CSV
  // ("動詞,自立,*,*,五段・カ行イ音便,未然形,届く,トドカ,トドカ"). The string is copied.
  const Morph* intern(std::string_view feature);
  // Same, keyed first by the pointer: MeCab returns one pointer per dictionary entry
  // (into its mapped dictionary), so the common case costs no strlen and no string hash.
  const Morph* intern(const char* feature);
  std::size_t size() const { return morphs_.size(); }

 private:
  Arena strings_;
  std::deque<Morph> morphs_;  // deque: pointers to elements stay valid
  std::unordered_map<std::string_view, const Morph*> by_feature_;
  std::unordered_map<const char*, const Morph*> by_pointer_;
};

}  // namespace tonelint
