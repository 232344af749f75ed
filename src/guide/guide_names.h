// The name tables of the guide's enums, as guides, configs and reports write them; the
// lookups are util/enum_names.h's. (Dimension and TokenField keep their arrays in
// guide.h: the dimension names are read there by index.)
#pragma once

#include "guide/guide.h"
#include "util/enum_names.h"

namespace tonelint {

inline constexpr EnumNames<Level, 3> kLevelNames = {
    {{Level::kError, "error"}, {Level::kWarning, "warning"}, {Level::kSuggestion, "suggestion"}}};
inline constexpr EnumNames<RuleLang, 3> kRuleLangNames = {
    {{RuleLang::kAny, "any"}, {RuleLang::kJa, "ja"}, {RuleLang::kEn, "en"}}};
inline constexpr EnumNames<Scope, 3> kScopeNames = {
    {{Scope::kMessage, "message"}, {Scope::kParagraph, "paragraph"}, {Scope::kSentence, "sentence"}}};
inline constexpr EnumNames<MentionPolicy, 2> kMentionPolicyNames = {
    {{MentionPolicy::kSkip, "skip"}, {MentionPolicy::kCheck, "check"}}};

}  // namespace tonelint
