#include "lint/linter.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <optional>

#include "engine/analyzed_text.h"
#include "engine/document_names.h"
#include "extract/verbatim_spans.h"
#include "lint/mentions.h"
#include "lint/rewrite_safety.h"
#include "lint/suppression.h"

namespace tonelint {

Result<std::shared_ptr<const CompiledRules>> CompiledRules::compile(std::shared_ptr<const Guide> guide,
                                                                    const Context& context, Analyzer& analyzer) {
  EffectiveRules effective = resolve_rules(*guide, context);
  return compile_rules(std::move(guide), std::move(effective), analyzer);
}

Result<std::shared_ptr<const CompiledRules>> CompiledRules::compile_rules(std::shared_ptr<const Guide> guide,
                                                                          EffectiveRules effective,
                                                                          Analyzer& analyzer) {
  auto compiled = std::shared_ptr<CompiledRules>(new CompiledRules());
  compiled->guide_ = std::move(guide);
  compiled->effective_ = std::move(effective);
  auto index = MatchIndex::build(compiled->effective_.rules, analyzer, compiled->guide_->id);
  if (!index.ok()) return index.status();
  compiled->index_ = std::move(*index);
  CheckBuildContext ctx{analyzer};
  for (const Rule& rule : compiled->effective_.rules) {
    compiled->checks_.push_back(make_rule_check(rule, compiled->guide_->id, ctx));
  }
  return std::shared_ptr<const CompiledRules>(std::move(compiled));
}

namespace {

// The sentence a source offset falls in: the last one starting at or before it that also
// contains it. Sentences of a block beside the flow (an HTML alt or title attribute) lie
// inside the source range of the paragraph around them, so `order` lists the sentences by
// source offset and the search steps back over such inner ones.
std::optional<std::uint32_t> sentence_at(const Analysis& analysis, const std::vector<std::uint32_t>& order,
                                         std::uint32_t offset) {
  const auto& sentences = analysis.sentences;
  auto it = std::upper_bound(order.begin(), order.end(), offset, [&](std::uint32_t o, std::uint32_t s) {
    return o < sentences[s].sentence.offset;
  });
  if (it == order.begin()) return std::nullopt;
  const auto last = *(it - 1);
  constexpr int kMaxStepsBack = 16;  // inner blocks are few; beyond that, the nearest start
  for (int step = 0; step < kMaxStepsBack && it != order.begin(); ++step) {
    --it;
    const Sentence& s = sentences[*it].sentence;
    if (offset < s.offset + std::max<std::uint32_t>(s.length, 1)) return *it;
  }
  return last;
}

// Sentence indices by source offset (usually already in that order: then no sort).
std::vector<std::uint32_t> sentences_by_offset(const Analysis& analysis) {
  std::vector<std::uint32_t> order(analysis.sentences.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto by_offset = [&](std::uint32_t a, std::uint32_t b) {
    return analysis.sentences[a].sentence.offset < analysis.sentences[b].sentence.offset;
  };
  if (!std::is_sorted(order.begin(), order.end(), by_offset)) std::stable_sort(order.begin(), order.end(), by_offset);
  return order;
}

// Whether block text offset `text_offset` of a sentence lies in the markup `rule` is
// limited to: the block's kind, a quote around it, or an inline span (link text, an
// inline image's alt text) around the offset.
bool in_markup_scope(const Rule& rule, const MessageView& message, std::uint32_t sentence, std::uint32_t text_offset) {
  const TextBlock& block = message.block(message.analysis.sentences[sentence]);
  const std::string_view kind = block_kind_name(block.kind);
  bool named = false;
  for (std::string_view s : rule.markup_scopes) {
    named = named || s == kind || (s == "blockquote" && block.in_blockquote);
    if (named) break;
    for (const InlineSpan& span : block.spans) {
      if (span.text_begin > text_offset) break;  // ordered by text_begin
      if (text_offset < span.text_end && s == inline_kind_name(span.kind)) {
        named = true;
        break;
      }
    }
  }
  return rule.markup_excludes ? !named : named;
}

// The block text offset of a match: where its first token is.
std::uint32_t text_offset_of(const MessageView& message, const Match& m) {
  if (m.token_begin < m.token_end) return message.analysis.tokens[m.token_begin].text_offset;
  return message.analysis.sentences[m.sentence].sentence.text_begin;
}

// The block text offset of source offset `offset` in a sentence: the token there (or the
// sentence start when the offset is before its tokens).
std::uint32_t text_offset_at(const MessageView& message, std::uint32_t sentence, std::uint32_t offset) {
  const AnalyzedSentence& as = message.analysis.sentences[sentence];
  std::uint32_t text_offset = as.sentence.text_begin;
  for (const Token& t : message.tokens(as)) {
    if (t.offset > offset) break;
    text_offset = t.text_offset;
  }
  return text_offset;
}

}  // namespace

namespace {

// Which rule languages look at the message at all: those some sentence of it is in, as
// lang_applies decides for matches (a mixed sentence counts for both). A rule for one
// language says nothing about a message wholly in the other, not even what it lacks (a
// Japanese greeting `required` of an English e-mail). Read once per message, not per rule.
struct MessageLangs {
  explicit MessageLangs(const Analysis& analysis) {
    for (const AnalyzedSentence& s : analysis.sentences) {
      ja = ja || lang_applies(RuleLang::kJa, s.sentence);
      en = en || lang_applies(RuleLang::kEn, s.sentence);
      any = any || lang_applies(RuleLang::kAny, s.sentence);
      if (ja && en) break;
    }
  }
  bool has(RuleLang lang) const { return lang == RuleLang::kJa ? ja : lang == RuleLang::kEn ? en : any; }
  bool ja = false, en = false, any = false;
};

// Source order: by offset, the longer span first, then in the order found.
struct Kept {
  Diagnostic diagnostic;
  std::size_t found;
};
bool before(const Kept& a, const Kept& b) {
  if (a.diagnostic.offset != b.diagnostic.offset) return a.diagnostic.offset < b.diagnostic.offset;
  if (a.diagnostic.length != b.diagnostic.length) return a.diagnostic.length > b.diagnostic.length;
  return a.found < b.found;
}

// The engine's FindingSink: each finding goes through the current rule's sieve and the
// suppression comments, is scored, and is kept while it is among the first `keep_at_most`
// in source order (a max-heap of those kept, once full), else counted as dropped.
class SievedFindings final : public FindingSink {
 public:
  SievedFindings(const LintLimits& limits, const Suppressions& suppressions, std::map<std::string, double>* by_category,
                 LintResult* result)
      : limits_(limits), suppressions_(suppressions), by_category_(by_category), result_(result) {}

  // The sieve of the rule checked next: true keeps a finding.
  void set_sieve(std::function<bool(const Diagnostic&)> sieve) { sieve_ = std::move(sieve); }

  void push_back(Diagnostic d) override {
    if (sieve_ && !sieve_(d)) return;
    if (!suppressions_.empty() && suppressions_.suppresses(d.rule, d.offset)) return;
    const double penalty = penalty_of(d);
    result_->penalty += penalty;
    (*by_category_)[d.category] += penalty;
    if (!at_or_above(d.level, limits_.min_level)) return;
    Kept item{std::move(d), found_++};
    if (kept_.size() < limits_.keep_at_most) {
      kept_.push_back(std::move(item));
      if (kept_.size() == limits_.keep_at_most) std::make_heap(kept_.begin(), kept_.end(), before);
      return;
    }
    if (kept_.empty() || !before(item, kept_.front())) {
      result_->dropped.add(item.diagnostic.level);
      return;
    }
    std::pop_heap(kept_.begin(), kept_.end(), before);  // the last kept in source order goes
    result_->dropped.add(kept_.back().diagnostic.level);
    kept_.back() = std::move(item);
    std::push_heap(kept_.begin(), kept_.end(), before);
  }

  // The findings kept, in source order.
  std::vector<Diagnostic> take() {
    std::sort(kept_.begin(), kept_.end(), before);
    std::vector<Diagnostic> out;
    out.reserve(kept_.size());
    for (Kept& k : kept_) out.push_back(std::move(k.diagnostic));
    kept_.clear();
    return out;
  }

 private:
  static bool at_or_above(Level level, Level threshold) { return static_cast<int>(level) <= static_cast<int>(threshold); }

  const LintLimits& limits_;
  const Suppressions& suppressions_;
  std::map<std::string, double>* by_category_;
  LintResult* result_;
  std::function<bool(const Diagnostic&)> sieve_;
  std::vector<Kept> kept_;
  std::size_t found_ = 0;
};

}  // namespace

LintResult CompiledRules::lint(const Document& doc, const Analysis& analysis, const LintLimits& limits,
                               Analyzer* analyzer) const {
  LintResult result;
  const DocumentNames names(doc, analysis);
  const MessageView message{doc, analysis, &names, analyzer};
  std::vector<std::vector<Match>> matches;
  index_->find(message, &matches, &result.warnings);
  std::vector<std::uint32_t> order_storage;  // built on first use: most runs never need it
  auto sentence_order = [&]() -> const std::vector<std::uint32_t>& {
    if (order_storage.size() != analysis.sentences.size()) order_storage = sentences_by_offset(analysis);
    return order_storage;
  };
  // Inline comments switch rules off (<!-- tonelint-disable shouchi -->); a comment naming a
  // rule the guide does not have is reported, after the scores, which it does not affect.
  const Suppressions suppressions = Suppressions::parse(doc.source(), doc.format());
  std::map<std::string, double> by_category;
  for (const Rule& r : effective_.rules) by_category.emplace(r.category, 0.0);
  SievedFindings findings(limits, suppressions, &by_category, &result);
  // Words the writer names rather than uses ('guys' in "avoid 'guys'") are not the
  // writer's: a rule sees them only with `mentions: check`.
  const Mentions mentions = Mentions::find(doc, analysis);
  const MessageLangs langs(analysis);
  for (std::size_t r = 0; r < checks_.size(); ++r) {
    const Rule& rule = effective_.rules[r];
    // Here for every kind, so none can forget: a kind that reports what is missing (required)
    // or measures (metric) would otherwise judge a message in the other language.
    if (!langs.has(rule.lang)) continue;
    const bool skips_mentions = rule.mentions == MentionPolicy::kSkip && !mentions.empty();
    if (skips_mentions) {
      std::erase_if(matches[r], [&](const Match& m) { return mentions.contains(m.offset, m.length); });
    }
    if (!rule.markup_scopes.empty()) {
      // Matches outside the rule's markup do not count ("no '!' in the subject"); findings
      // that are not made of matches are sifted the same way below.
      std::erase_if(matches[r], [&](const Match& m) {
        return !in_markup_scope(rule, message, m.sentence, text_offset_of(message, m));
      });
    }
    if (!suppressions.empty() && rule.kind != nullptr && rule.kind->counts_matches) {
      // One finding stands for many matches, so the matches a disable comment covers are
      // taken out before they are counted (a finding at one of them would hide the rest).
      const std::string& id = checks_[r]->id();
      std::erase_if(matches[r], [&](const Match& m) { return suppressions.suppresses(id, m.offset); });
    }
    // Findings not made of matches (SHOUTING, a metric, the register) are excused by the
    // sentence they start in: "unless: [warranty]" spares a capitalized disclaimer.
    const Scope unit_scope = rule.scope_set ? rule.scope : Scope::kSentence;
    std::map<std::uint32_t, bool> excused_unit;  // by the unit's first sentence: each looked at once
    auto excused = [&](const Diagnostic& d) {
      const auto sentence = sentence_at(analysis, sentence_order(), d.offset);
      if (!sentence) return false;
      auto [memo, fresh] = excused_unit.try_emplace(unit_of(analysis.sentences, unit_scope, *sentence).first, false);
      if (fresh) memo->second = index_->excused_by_unless(message, static_cast<std::uint32_t>(r), *sentence);
      return memo->second;
    };
    auto in_scope = [&](const Diagnostic& d) {
      const auto sentence = sentence_at(message.analysis, sentence_order(), d.offset);
      return sentence ? in_markup_scope(rule, message, *sentence, text_offset_at(message, *sentence, d.offset))
                      : !rule.markup_excludes;
    };
    if (rule.markup_scopes.empty() && rule.unless.empty() && !skips_mentions) {
      findings.set_sieve(nullptr);
    } else {
      findings.set_sieve([&](const Diagnostic& d) {
        return (rule.markup_scopes.empty() || in_scope(d)) && (rule.unless.empty() || !excused(d)) &&
               !(skips_mentions && mentions.contains(d.offset, d.length));
      });
    }
    checks_[r]->check(message, matches[r], &findings);
    findings.set_sieve(nullptr);
  }
  result.diagnostics = findings.take();
  // Quoted words stay as quoted, even for a rule that checks them.
  if (!mentions.empty()) {
    for (Diagnostic& d : result.diagnostics) {
      std::erase_if(d.suggestions, [&](const Suggestion& s) { return mentions.overlaps(s.offset, s.length); });
    }
  }
  if (doc.has_encoded()) {
    for (Diagnostic& d : result.diagnostics) {
      std::erase_if(d.suggestions, [&](const Suggestion& s) { return doc.is_encoded(s.offset, s.length); });
    }
  }
  // A rewrite replaces source bytes: one whose span is not a single run of text there (it
  // crosses a tag, an entity, emphasis or a comment) would delete or break the markup.
  if (std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                  [](const Diagnostic& d) { return !d.suggestions.empty(); })) {
    const VerbatimSpans verbatim(doc);
    for (Diagnostic& d : result.diagnostics) {
      std::erase_if(d.suggestions, [&](const Suggestion& s) { return !verbatim.contains(s.offset, s.length); });
    }
    // Then each rewrite where it stands: none in link text or a name (quotations went with
    // the mentions above), none that breaks the grammar around it, and not safe when the
    // rewritten sentence gets a new finding.
    review_rewrites(message, analyzer ? FindingsOfText([&](std::string text) { return findings_of(text, *analyzer); })
                                      : FindingsOfText(), &result.diagnostics);
  }
  result.words = word_count(analysis);
  result.sentences = analysis.sentences.size();
  result.score = tone_score(result.penalty, result.words);
  for (const auto& [category, penalty] : by_category) result.category_scores[category] = tone_score(penalty, result.words);
  if (!suppressions.empty()) {
    std::vector<Diagnostic> unknown = suppressions.unknown_rules(*guide_);
    if (!unknown.empty()) {
      auto by_position = [](const Diagnostic& a, const Diagnostic& b) {
        return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
      };
      result.diagnostics.insert(result.diagnostics.end(), std::make_move_iterator(unknown.begin()),
                                std::make_move_iterator(unknown.end()));
      std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), by_position);
    }
  }
  return result;
}

std::map<std::string, int> CompiledRules::findings_of(std::string text, Analyzer& analyzer) const {
  std::map<std::string, int> counts;
  auto analyzed = analyze_text(analyzer, std::move(text));
  if (!analyzed.ok()) return counts;
  // Without an analyzer: the sentence's own findings, its rewrites not reviewed again.
  for (const Diagnostic& d : lint(*(*analyzed)->doc, (*analyzed)->analysis).diagnostics) ++counts[d.rule];
  return counts;
}

double penalty_of(const Diagnostic& d) { return d.level == Level::kError ? 10 : (d.level == Level::kWarning ? 3 : 1); }

std::size_t word_count(const Analysis& analysis) {
  std::size_t words = 0;
  for (const Token& t : analysis.tokens) words += word_weight(t);
  return words;
}

int tone_score(double penalty, std::size_t words) {
  const double score = 100.0 - penalty * 100.0 / score_weight(words);
  return static_cast<int>(std::lround(std::clamp(score, 0.0, 100.0)));
}

// 20 words of slack keep a one-line reply from dropping to zero on one finding.
double score_weight(std::size_t words) { return static_cast<double>(words) + 20.0; }

}  // namespace tonelint
