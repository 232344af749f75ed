// The kind table: every rule kind, one row each, in the order errors and docs list them.
// The loader finds a rule's kind here by name; the linter builds its check through it.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "guide/rule_kind.h"

namespace tonelint {

std::span<const RuleKind* const> rule_kinds();
// The kind named `name`; null when there is none.
const RuleKind* find_rule_kind(std::string_view name);
// The kinds' names, in table order: "one of: existence, substitution, ...".
std::vector<std::string> rule_kind_names();

}  // namespace tonelint
