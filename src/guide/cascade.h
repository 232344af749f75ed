// The context cascade: which rules apply to a draft's context, with which settings.
// Every tone entry whose `when` matches applies, least specific first (number of
// dimensions named), ties in file order; a later entry overrides an earlier one.
#pragma once

#include <string>
#include <vector>

#include "guide/guide.h"

namespace tonelint {

struct EffectiveRules {
  Context context;
  std::vector<const ToneEntry*> applied;  // in the order they were applied
  std::vector<Rule> rules;                // active rules, overrides applied, `set_by` filled
  struct Off {
    std::string rule_id;
    Origin by;  // the entry that set `off: true`
  };
  std::vector<Off> off;                   // rules a tone turned off in this context
};

bool tone_matches(const ToneEntry& tone, const Context& context);

// `context` must be complete (see complete_context).
EffectiveRules resolve_rules(const Guide& guide, const Context& context);

}  // namespace tonelint
