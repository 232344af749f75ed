#include "tonelint/rule_info.h"

#include "api/api_internal.h"
#include "fix/fixer.h"

namespace tonelint {
namespace {

std::vector<std::string> texts_of(const std::vector<RuleExample>& examples) {
  std::vector<std::string> out;
  out.reserve(examples.size());
  for (const RuleExample& e : examples) out.push_back(e.text);
  return out;
}

}  // namespace

std::optional<RuleDescription> describe_rule(const ToneGuide& guide, std::string_view rule) {
  const Guide& g = *guide.impl().guide;
  const Rule* found = g.find_rule(rule);
  if (found == nullptr) return std::nullopt;
  return RuleDescription{g.id + "." + found->id, found->why, found->level_why, texts_of(found->bad_examples),
                         texts_of(found->good_examples)};
}

std::vector<Rewrite> select_rewrites(const CheckResult& result, FixMode mode) {
  std::vector<Rewrite> out;
  if (!result.state || !result.state->source) return out;
  const std::vector<const Suggestion*> taken = select_suggestions(
      result.state->source->bytes().size(), result.state->report.result.diagnostics, mode == FixMode::kAll);
  out.reserve(taken.size());
  for (const Suggestion* s : taken) out.push_back({s->text, s->offset, s->length, s->safe});
  return out;
}

}  // namespace tonelint
