// occurrence: how often a pattern appears per message, paragraph or sentence, against
// `max` and `min`. At most one "!" per message; no emoji when the reader is upset. A unit
// over its maximum is one finding, however many occurrences it has; a unit under its
// minimum is one finding at its first sentence.
#include <algorithm>
#include <map>

#include "rules/rule_check.h"

namespace tonelint {
namespace {

class OccurrenceCheck final : public RuleCheck {
 public:
  using RuleCheck::RuleCheck;

  void check(const MessageView& message, std::span<const Match> matches, FindingSink* out) const override {
    const auto& sentences = message.analysis.sentences;
    if (sentences.empty()) return;
    // The counting unit of each sentence: the message (0), its paragraph, or itself.
    auto unit_of = [&](std::uint32_t sentence) -> std::uint32_t {
      switch (rule().scope) {
        case Scope::kMessage: return 0;
        case Scope::kParagraph: return sentences[sentence].sentence.block;
        case Scope::kSentence: return sentence;
      }
      return 0;
    };
    std::map<std::uint32_t, std::vector<Match>> by_unit;
    for (const Match& m : without_overlaps(matches)) by_unit[unit_of(m.sentence)].push_back(m);

    if (rule().max) {
      const auto max = static_cast<std::size_t>(*rule().max < 0 ? 0 : *rule().max);
      for (const auto& [unit, list] : by_unit) {
        if (list.size() > max) out->push_back(too_many(message, list, max));
      }
    }
    if (rule().min) {
      const auto min = static_cast<std::size_t>(*rule().min);
      // Every unit is checked, including those with no match at all.
      // Units with no sentence in the rule's language are not judged: an English minimum
      // says nothing about a Japanese paragraph.
      std::map<std::uint32_t, std::uint32_t> first_sentence_of_unit;
      for (std::uint32_t s = 0; s < sentences.size(); ++s) {
        if (lang_applies(rule().lang, sentences[s].sentence)) first_sentence_of_unit.emplace(unit_of(s), s);
      }
      for (const auto& [unit, first] : first_sentence_of_unit) {
        auto it = by_unit.find(unit);
        const std::size_t n = it == by_unit.end() ? 0 : it->second.size();
        if (n >= min) continue;
        const Sentence& s = sentences[first].sentence;
        const std::pair<std::string_view, std::string> vars[] = {{"count", std::to_string(n)}};
        out->push_back(report(message, s.offset, s.length, vars));
      }
    }
  }

 private:
  // One finding for a unit over its bound: a message with three "!" is one problem, not
  // two. It sits at the first occurrence past the bound and lists every other occurrence
  // of the unit, the allowed ones included, so the reader sees what was counted (the
  // first kMaxRelatedSpans of them: a draft of a million "!" is still one small finding).
  Diagnostic too_many(const MessageView& message, const std::vector<Match>& list, std::size_t max) const {
    const std::string count = std::to_string(list.size());
    const std::pair<std::string_view, std::string> vars[] = {{"count", count}};
    const Match& first_past = list[max];
    Diagnostic d = report(message, first_past.offset, first_past.length, vars);
    const std::size_t listed = std::min(list.size() - 1, kMaxRelatedSpans);
    d.related.reserve(listed);
    for (std::size_t i = 0; i < list.size() && d.related.size() < listed; ++i) {
      if (i == max) continue;
      const std::string_view text = message.source(list[i].offset, list[i].length);
      std::string what;
      what.reserve(text.size() + count.size() + 12);
      what.append(1, '\'').append(text).append("' ").append(std::to_string(i + 1)).append(1, '/').append(count);
      d.related.push_back({list[i].offset, list[i].length, std::move(what)});
    }
    return d;
  }
};

std::shared_ptr<const KindOptions> parse_occurrence(RuleYaml& yaml, const Rule&) {
  if (!yaml.has_pattern()) yaml.error(yaml.name() + " (occurrence) needs words, lemmas, tokens or regex to count");
  if (!yaml.has_bound()) yaml.error(yaml.name() + " (occurrence) needs 'max' or 'min'");
  return nullptr;
}

std::unique_ptr<RuleCheck> make_occurrence_check(const Rule& rule, std::string id, CheckBuildContext&) {
  return std::make_unique<OccurrenceCheck>(rule, std::move(id));
}

}  // namespace

extern const RuleKind kOccurrenceKind;
constinit const RuleKind kOccurrenceKind{
    .name = "occurrence", .parse = parse_occurrence, .make = make_occurrence_check, .counts_matches = true};

}  // namespace tonelint
