#include "guide/cascade.h"

#include <algorithm>

namespace tonelint {

bool tone_matches(const ToneEntry& tone, const Context& context) {
  for (std::size_t d = 0; d < kDimensionCount; ++d) {
    const auto& values = tone.when[d];
    if (values.empty()) continue;  // a dimension left out matches anything
    if (std::find(values.begin(), values.end(), context.values[d]) == values.end()) return false;
  }
  return true;
}

EffectiveRules resolve_rules(const Guide& guide, const Context& context) {
  EffectiveRules out;
  out.context = context;
  for (const ToneEntry& tone : guide.tones) {
    if (tone_matches(tone, context)) out.applied.push_back(&tone);
  }
  // stable_sort keeps file order among entries of equal specificity.
  std::stable_sort(out.applied.begin(), out.applied.end(),
                   [](const ToneEntry* a, const ToneEntry* b) { return a->specificity < b->specificity; });

  struct Slot {
    Rule rule;
    bool off = false;
  };
  std::vector<Slot> slots;
  slots.reserve(guide.rules.size());
  for (const Rule& r : guide.rules) slots.push_back(Slot{r, false});
  auto find = [&](const std::string& id) {
    return std::find_if(slots.begin(), slots.end(), [&](const Slot& s) { return s.rule.id == id; });
  };

  for (const ToneEntry* tone : out.applied) {
    for (const Rule& r : tone->rules) {  // rules that exist only in this context
      Slot slot{r, false};
      slot.rule.set_by["defined"] = tone->origin;
      if (auto it = find(r.id); it != slots.end()) {
        *it = std::move(slot);
      } else {
        slots.push_back(std::move(slot));
      }
    }
    for (const ToneEntry::Override& o : tone->set) {
      auto it = find(o.rule_id);
      if (it == slots.end()) continue;  // a tone-only rule not active in this context
      Rule& rule = it->rule;
      it->off = o.off;
      rule.set_by["off"] = o.origin;
      if (o.level) {
        rule.level = *o.level;
        rule.set_by["level"] = o.origin;
        // The voice's reason was for the voice's level; a new level keeps only its own.
        rule.level_why = o.level_why.value_or("");
        if (o.level_why) {
          rule.set_by["level_why"] = o.origin;
        } else {
          rule.set_by.erase("level_why");
        }
      }
      if (o.max) { rule.max = *o.max; rule.set_by["max"] = o.origin; }
      if (o.min) { rule.min = *o.min; rule.set_by["min"] = o.origin; }
      if (o.message) { rule.message = *o.message; rule.set_by["message"] = o.origin; }
      if (o.scope) { rule.scope = *o.scope; rule.set_by["scope"] = o.origin; }
      if (!o.off) rule.set_by.erase("off");
    }
  }
  for (Slot& slot : slots) {
    if (slot.off) {
      out.off.push_back(EffectiveRules::Off{slot.rule.id, slot.rule.set_by["off"]});
    } else {
      out.rules.push_back(std::move(slot.rule));
    }
  }
  return out;
}

}  // namespace tonelint
