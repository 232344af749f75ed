// The rule engine: the active rules of one guide and context, compiled once (phrases
// tokenized, regexes compiled, one match index) and then run over any number of drafts.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/match_index.h"
#include "guide/cascade.h"
#include "guide/guide.h"
#include "rules/rule_check.h"
#include "tokenize/analyzer.h"

namespace tonelint {

// What a lint keeps of its findings. Every finding is scored; one less severe than
// `min_level` is not kept (nor counted), and past the first `keep_at_most` (in source order)
// findings are counted in LintResult::dropped but not kept.
struct LintLimits {
  Level min_level = Level::kSuggestion;
  std::size_t keep_at_most = static_cast<std::size_t>(-1);
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;  // ordered by offset
  LevelCounts dropped;                  // found and scored, past LintLimits::keep_at_most
  std::vector<Status> warnings;         // e.g. a regex stopped by its time limit
  int score = 100;                      // tone score, 0-100
  std::map<std::string, int> category_scores;  // per category of the rules in force
  double penalty = 0;       // what the score comes from
  std::size_t words = 0;    // and its weight in a run's score (score_weight)
  std::size_t sentences = 0;  // so rates of findings per sentence can be computed over a corpus
};

class CompiledRules {
 public:
  // `context` must be complete (complete_context). `analyzer` tokenizes the phrases.
  static Result<std::shared_ptr<const CompiledRules>> compile(std::shared_ptr<const Guide> guide,
                                                              const Context& context, Analyzer& analyzer);
  // Only the given rules, in the given context (for `tonelint test`).
  static Result<std::shared_ptr<const CompiledRules>> compile_rules(std::shared_ptr<const Guide> guide,
                                                                    EffectiveRules effective, Analyzer& analyzer);

  // Thread-safe: compiled rules are immutable. `analyzer` (this thread's) lets the rewrite
  // safety pass re-check rewritten sentences and rules analyse a rewrite's words; without
  // it, a rewrite that needs either is not offered as safe (or not at all).
  LintResult lint(const Document& doc, const Analysis& analysis, const LintLimits& limits = {},
                  Analyzer* analyzer = nullptr) const;

  const Guide& guide() const { return *guide_; }
  const EffectiveRules& effective() const { return effective_; }

 private:
  // The findings of a plain text (one sentence, rewritten or not), counted by rule.
  std::map<std::string, int> findings_of(std::string text, Analyzer& analyzer) const;

  std::shared_ptr<const Guide> guide_;
  EffectiveRules effective_;
  std::unique_ptr<MatchIndex> index_;
  std::vector<std::unique_ptr<RuleCheck>> checks_;
};

// Findings weighted by level (error 10, warning 3, suggestion 1) against the length of the
// draft in words: 100 is clean, and one error costs a short chat reply more than a long email.
double penalty_of(const Diagnostic& d);
std::size_t word_count(const Analysis& analysis);
int tone_score(double penalty, std::size_t words);
// How much a text of `words` weighs in a score over many texts: its words plus the slack
// tone_score gives every text, so a text of no words still counts.
double score_weight(std::size_t words);

}  // namespace tonelint
