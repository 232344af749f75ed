#include "tokenize/morph_table.h"

#include <array>

namespace tonelint {

const Morph* MorphTable::intern(std::string_view feature) {
  if (auto it = by_feature_.find(feature); it != by_feature_.end()) return it->second;
  const std::string_view stored = strings_.store(feature);
  std::array<std::string_view, 9> fields{};
  std::size_t field = 0, start = 0;
  for (std::size_t i = 0; i <= stored.size() && field < fields.size(); ++i) {
    if (i == stored.size() || stored[i] == ',') {
      std::string_view value = stored.substr(start, i - start);
      fields[field++] = value == "*" ? std::string_view() : value;  // "*" means "none"
      start = i + 1;
    }
  }
  Morph& m = morphs_.emplace_back();
  m.pos = fields[0];
  m.pos1 = fields[1];
  m.pos2 = fields[2];
  m.pos3 = fields[3];
  m.ctype = fields[4];
  m.cform = fields[5];
  m.base = fields[6];
  m.reading = fields[7];
  m.pronunciation = fields[8];
  by_feature_.emplace(stored, &m);
  return &m;
}

const Morph* MorphTable::intern(const char* feature) {
  if (auto it = by_pointer_.find(feature); it != by_pointer_.end()) return it->second;
  const Morph* m = intern(std::string_view(feature));
  by_pointer_.emplace(feature, m);
  return m;
}

}  // namespace tonelint
