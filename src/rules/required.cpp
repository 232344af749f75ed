// required: the message must contain one of the patterns, optionally at its start or end.
// An apology in an outage reply; お世話になっております at the start of a customer email.
#include "rules/rule_check.h"

namespace tonelint {
namespace {

class RequiredCheck final : public RuleCheck {
 public:
  using RuleCheck::RuleCheck;

  void check(const MessageView& message, std::span<const Match> matches, FindingSink* out) const override {
    const auto& sentences = message.analysis.sentences;
    if (sentences.empty()) return;  // nothing written yet: nothing to require
    const auto last = static_cast<std::uint32_t>(sentences.size() - 1);
    for (const Match& m : matches) {
      switch (rule().position) {
        case Anchor::kAnywhere: return;
        case Anchor::kStart:
          if (m.sentence == 0) return;
          break;
        case Anchor::kEnd:
          if (m.sentence == last) return;
          break;
      }
    }
    // Reported on the sentence where the pattern was expected.
    const Sentence& at = rule().position == Anchor::kEnd ? sentences[last].sentence : sentences[0].sentence;
    out->push_back(report(message, at.offset, at.length));
  }
};

}  // namespace

std::unique_ptr<RuleCheck> make_required_check(const Rule& rule, std::string id, CheckBuildContext&) {
  return std::make_unique<RequiredCheck>(rule, std::move(id));
}

}  // namespace tonelint
