// existence: any match of the rule's words, lemmas, token patterns or regexes is a finding.
// 二重敬語 「おっしゃられる」; "calm down".
#include "rules/rule_check.h"

namespace tonelint {
namespace {

class ExistenceCheck final : public RuleCheck {
 public:
  using RuleCheck::RuleCheck;

  void check(const MessageView& message, std::span<const Match> matches, FindingSink* out) const override {
    for (const Match& m : without_overlaps(matches)) out->push_back(report(message, m.offset, m.length));
  }
};

std::shared_ptr<const KindOptions> parse_existence(RuleYaml& yaml, const Rule&) {
  if (!yaml.has_pattern()) yaml.error(yaml.name() + " (existence) needs words, lemmas, tokens, regex or a dictionary");
  return nullptr;
}

std::unique_ptr<RuleCheck> make_existence_check(const Rule& rule, std::string id, CheckBuildContext&) {
  return std::make_unique<ExistenceCheck>(rule, std::move(id));
}

}  // namespace

extern const RuleKind kExistenceKind;
constinit const RuleKind kExistenceKind{.name = "existence", .parse = parse_existence, .make = make_existence_check};

}  // namespace tonelint
