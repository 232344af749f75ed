// required: the message must contain one of the patterns, optionally at its start or end.
// An apology in an outage reply; お世話になっております at the start of a customer email.
#include "rules/rule_check.h"

namespace tonelint {
namespace {

// Where the pattern must appear (`position: start|end`).
enum class Anchor : std::uint8_t { kAnywhere, kStart, kEnd };

struct RequiredOptions final : KindOptions {
  Anchor position = Anchor::kAnywhere;
};

class RequiredCheck final : public RuleCheck {
 public:
  RequiredCheck(const Rule& rule, std::string id)
      : RuleCheck(rule, std::move(id)), position_(static_cast<const RequiredOptions&>(*rule.options).position) {}

  void check(const MessageView& message, std::span<const Match> matches, FindingSink* out) const override {
    const auto& sentences = message.analysis.sentences;
    if (sentences.empty()) return;  // nothing written yet: nothing to require
    const auto last = static_cast<std::uint32_t>(sentences.size() - 1);
    for (const Match& m : matches) {
      switch (position_) {
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
    const Sentence& at = position_ == Anchor::kEnd ? sentences[last].sentence : sentences[0].sentence;
    out->push_back(report(message, at.offset, at.length));
  }

 private:
  Anchor position_;
};

constexpr std::string_view kKeys[] = {"position"};
constexpr std::string_view kPositions[] = {"start", "end"};

std::shared_ptr<const KindOptions> parse_required(RuleYaml& yaml, const Rule&) {
  auto options = std::make_shared<RequiredOptions>();
  if (auto p = yaml.choice("position", kPositions)) options->position = *p == 0 ? Anchor::kStart : Anchor::kEnd;
  if (!yaml.has_pattern()) {
    yaml.error(yaml.name() + " (required) needs words, lemmas, tokens or regex, one of which must appear");
  }
  return options;
}

std::unique_ptr<RuleCheck> make_required_check(const Rule& rule, std::string id, CheckBuildContext&) {
  return std::make_unique<RequiredCheck>(rule, std::move(id));
}

}  // namespace

extern const RuleKind kRequiredKind;
constinit const RuleKind kRequiredKind{
    .name = "required", .keys = kKeys, .parse = parse_required, .make = make_required_check};

}  // namespace tonelint
