// What a guide says about one of its rules, for front ends that explain a finding (an
// editor's hover, `tonelint explain`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tonelint/checker.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

struct RuleDescription {
  std::string id;   // "<guide>.<rule>"
  std::string why;  // the guide's reason for the rule; may be empty
  std::string level_why;  // the reason for its level in the voice (tones may differ); may be empty
  std::vector<std::string> bad_examples;
  std::vector<std::string> good_examples;
};

// The rule named `rule`, bare ("shouchi") or qualified ("tonelint.shouchi"); nullopt when
// the guide has none.
std::optional<RuleDescription> describe_rule(const ToneGuide& guide, std::string_view rule);

// The rewrites one fix pass would apply to the checked text: each finding's first
// suggestion, leftmost first, skipping any that overlaps one already taken; unsafe ones
// only with FixMode::kAll. (An editor's "fix all" offers these as one edit.)
std::vector<Rewrite> select_rewrites(const CheckResult& result, FixMode mode);

}  // namespace tonelint
