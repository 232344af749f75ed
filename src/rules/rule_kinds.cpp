#include "rules/rule_kinds.h"

namespace tonelint {

// Each kind's row is defined in its own file (src/rules/<kind>.cpp). A new kind adds its
// file and its row here: declared below, and listed in kKinds.
extern const RuleKind kExistenceKind;
extern const RuleKind kSubstitutionKind;
extern const RuleKind kOccurrenceKind;
extern const RuleKind kRequiredKind;
extern const RuleKind kMetricKind;
extern const RuleKind kRegisterKind;
extern const RuleKind kCapitalizationKind;

namespace {

constinit const RuleKind* const kKinds[] = {
    &kExistenceKind, &kSubstitutionKind, &kOccurrenceKind,     &kRequiredKind,
    &kMetricKind,    &kRegisterKind,     &kCapitalizationKind,
};

}  // namespace

std::span<const RuleKind* const> rule_kinds() { return kKinds; }

const RuleKind* find_rule_kind(std::string_view name) {
  for (const RuleKind* kind : kKinds) {
    if (kind->name == name) return kind;
  }
  return nullptr;
}

std::vector<std::string> rule_kind_names() {
  std::vector<std::string> names;
  for (const RuleKind* kind : kKinds) names.emplace_back(kind->name);
  return names;
}

}  // namespace tonelint
