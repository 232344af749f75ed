#include "guide/guide.h"

#include <algorithm>

#include "guide/guide_names.h"
#include "guide/rule_kind.h"

namespace tonelint {

const char* level_name(Level level) {
  return name_of(kLevelNames, level, "warning").data();  // the names are literals, NUL-terminated
}

const char* rule_kind_name(const RuleKind* kind) {
  // A kind's name is a string literal, so its view ends in NUL. A rule without a kind (its
  // `kind:` missing or unknown) reads as the first kind in errors, as it always has.
  return kind != nullptr ? kind->name.data() : "existence";
}

bool Guide::allows(Dimension d, const std::string& value) const {
  const auto& values = allowed[static_cast<std::size_t>(d)];
  return std::find(values.begin(), values.end(), value) != values.end();
}

const Rule* Guide::find_rule(std::string_view name) const {
  if (name.size() > this->id.size() && name.starts_with(this->id) && name[this->id.size()] == '.') {
    name.remove_prefix(this->id.size() + 1);
  }
  for (const Rule& r : rules) {
    if (r.id == name) return &r;
  }
  for (const ToneEntry& tone : tones) {
    for (const Rule& r : tone.rules) {
      if (r.id == name) return &r;
    }
  }
  return nullptr;
}

}  // namespace tonelint
