#include "lint/phrase_check.h"

#include "engine/analyzed_text.h"

namespace tonelint {

Status PhraseCheck::check_phrase(const Rule& rule, const std::string& phrase) {
  auto known = has_words_.find(phrase);
  if (known == has_words_.end()) {
    auto analyzed = analyze_text(analyzer_, phrase);
    known = has_words_.emplace(phrase, analyzed.ok() && !(*analyzed)->phrase_tokens().empty()).first;
  }
  if (known->second) return {};
  return Status(ErrorCode::kParse, "rule '" + rule.id + "': '" + phrase + "' has no words to match",
                Location{rule.origin.path, rule.origin.line, rule.origin.column});
}

std::vector<Status> PhraseCheck::check(const Guide& guide) {
  std::vector<Status> errors;
  auto check_rule = [&](const Rule& rule) {
    auto check_all = [&](const std::vector<std::string>& phrases) {
      for (const std::string& phrase : phrases) {
        if (Status s = check_phrase(rule, phrase); !s.ok()) errors.push_back(std::move(s));
      }
    };
    check_all(rule.words);
    check_all(rule.lemmas);
    check_all(rule.unless);
    check_all(rule.not_followed_by);
    for (const auto& [from, to] : rule.swap) {
      if (Status s = check_phrase(rule, from); !s.ok()) errors.push_back(std::move(s));
    }
  };
  for (const Rule& rule : guide.rules) check_rule(rule);
  for (const ToneEntry& tone : guide.tones) {
    for (const Rule& rule : tone.rules) check_rule(rule);
  }
  return errors;
}

}  // namespace tonelint
