#include "engine/match_index.h"

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <algorithm>

#include "engine/analyzed_text.h"

namespace tonelint {
namespace {

// ICU steps (roughly milliseconds) a regex may spend on one match before it is stopped:
// a catastrophic pattern must not hang a run.
constexpr int32_t kRegexTimeLimit = 250;

template <typename Map>
const std::vector<std::uint32_t>* lookup(const Map& map, std::string_view key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

// The value of a token field a pattern can name; empty when the token has none.
std::string_view field_of(const Token& t, TokenField field) {
  switch (field) {
    case TokenField::kSurface: return t.surface;
    case TokenField::kNorm: return t.norm;
    case TokenField::kLemma: return t.lemma;
    case TokenField::kKind: return token_kind_name(t.kind);
    default: break;
  }
  if (t.morph == nullptr) return {};
  switch (field) {
    case TokenField::kPos: return t.morph->pos;
    case TokenField::kPos1: return t.morph->pos1;
    case TokenField::kPos2: return t.morph->pos2;
    case TokenField::kPos3: return t.morph->pos3;
    case TokenField::kCtype: return t.morph->ctype;
    case TokenField::kCform: return t.morph->cform;
    case TokenField::kReading: return t.morph->reading;
    default: return {};
  }
}

// `taken`, when given, receives how many tokens each element took on the match returned:
// every element on the successful path writes its count after the rest has matched.
int match_from(std::span<const Token> tokens, std::size_t at, const TokenPattern& pattern, std::size_t element,
               int* budget, std::vector<std::uint32_t>* taken_per_element) {
  if (element == pattern.size()) return 0;
  if (--*budget < 0) return -1;  // patterns with many repeats cannot explode
  const TokenElement& e = pattern[element];
  // Greedy: take as many as allowed, then back off.
  std::size_t taken = 0;
  while (taken < e.max && at + taken < tokens.size() && is_prose(tokens[at + taken].kind) &&
         token_matches(tokens[at + taken], e)) {
    ++taken;
  }
  for (std::size_t n = taken + 1; n-- > e.min;) {
    const int rest = match_from(tokens, at + n, pattern, element + 1, budget, taken_per_element);
    if (rest >= 0) {
      if (taken_per_element != nullptr) (*taken_per_element)[element] = static_cast<std::uint32_t>(n);
      return static_cast<int>(n) + rest;
    }
    if (n == 0) break;
  }
  return -1;
}

}  // namespace

bool lang_applies(RuleLang lang, const Sentence& s) {
  switch (lang) {
    case RuleLang::kJa: return s.langs.has(Lang::kJa);
    case RuleLang::kEn: return s.langs.has(Lang::kEn);
    case RuleLang::kAny: return true;
  }
  return true;
}

bool is_conjugable(const Token& t) {
  return t.morph != nullptr && !t.morph->ctype.empty() && t.morph->cform == "基本形" &&
         (t.morph->pos == "動詞" || t.morph->pos == "形容詞" || t.morph->pos == "助動詞");
}

bool token_matches(const Token& t, const TokenElement& element) {
  for (const TokenConstraint& c : element.constraints) {
    const std::string_view value = field_of(t, c.field);
    const bool listed = std::find(c.values.begin(), c.values.end(), value) != c.values.end();
    if (listed == c.negate) return false;
  }
  return true;
}

int match_token_pattern(std::span<const Token> tokens, std::size_t start, const TokenPattern& pattern,
                        std::vector<std::uint32_t>* taken_per_element) {
  int budget = 10000;
  if (taken_per_element != nullptr) taken_per_element->assign(pattern.size(), 0);
  return match_from(tokens, start, pattern, 0, &budget, taken_per_element);
}

MatchIndex::~MatchIndex() = default;

Result<std::unique_ptr<MatchIndex>> MatchIndex::build(std::span<const Rule> rules, Analyzer& analyzer,
                                                      const std::string& guide_id) {
  auto index = std::unique_ptr<MatchIndex>(new MatchIndex());
  for (std::uint32_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = rules[r];
    index->rules_.push_back(RuleInfo{guide_id.empty() ? rule.id : guide_id + "." + rule.id, rule.lang, {}, {}, Scope::kSentence});
    auto add_phrase = [&](const std::string& text, PatternSource src, std::uint32_t pattern) -> Status {
      // Phrases go through the analyzer, so they match exactly where the text's tokens do.
      auto analyzed = analyze_text(analyzer, text);
      if (!analyzed.ok()) return analyzed.status();
      // A brand name in a phrase stays in it and matches that name only.
      const std::vector<Token> tokens = (*analyzed)->phrase_tokens();
      if (tokens.empty()) {
        return Status(ErrorCode::kParse, "rule '" + rule.id + "': '" + text + "' has no words to match",
                      Location{rule.origin.path, rule.origin.line, rule.origin.column});
      }
      Phrase phrase{r, pattern, src, {}, {}, {}};
      for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        // A swap whose last word conjugates (見れる, できる) matches every conjugation of
        // it, so the rewrite can be conjugated the same way.
        const bool lemma = src == PatternSource::kLemmas ||
                           (src == PatternSource::kSwap && k + 1 == tokens.size() && is_conjugable(t));
        phrase.keys.emplace_back(lemma ? t.lemma : t.norm);
        phrase.by_lemma.push_back(lemma);
        phrase.name.push_back(t.kind == TokenKind::kName);
      }
      auto& bucket = phrase.by_lemma.front() ? index->by_lemma_ : index->by_norm_;
      bucket[phrase.keys.front()].push_back(static_cast<std::uint32_t>(index->phrases_.size()));
      index->phrases_.push_back(std::move(phrase));
      return Status();
    };
    for (std::uint32_t i = 0; i < rule.words.size(); ++i) {
      if (Status s = add_phrase(rule.words[i], PatternSource::kWords, i); !s.ok()) return s;
    }
    for (std::uint32_t i = 0; i < rule.lemmas.size(); ++i) {
      if (Status s = add_phrase(rule.lemmas[i], PatternSource::kLemmas, i); !s.ok()) return s;
    }
    for (std::uint32_t i = 0; i < rule.swap.size(); ++i) {
      if (Status s = add_phrase(rule.swap[i].first, PatternSource::kSwap, i); !s.ok()) return s;
    }
    // Excusing phrases are compared as the run of token norms they spell, so they match
    // however MeCab splits them in context (「では」 alone is one token, in 「ミスではない」 two).
    auto spelled = [&](const std::string& text) -> Result<std::string> {
      auto analyzed = analyze_text(analyzer, text);
      if (!analyzed.ok()) return analyzed.status();
      std::string norms;
      for (const Token& t : (*analyzed)->phrase_tokens()) norms += t.norm;
      if (norms.empty()) {
        return Status(ErrorCode::kParse, "rule '" + rule.id + "': '" + text + "' has no words to match",
                      Location{rule.origin.path, rule.origin.line, rule.origin.column});
      }
      return norms;
    };
    RuleInfo& info = index->rules_.back();
    for (const std::string& phrase : rule.unless) {
      auto norms = spelled(phrase);
      if (!norms.ok()) return norms.status();
      info.unless.push_back(std::move(*norms));
    }
    for (const std::string& phrase : rule.not_followed_by) {
      auto norms = spelled(phrase);
      if (!norms.ok()) return norms.status();
      info.not_followed_by.push_back(std::move(*norms));
    }
    info.unless_scope = rule.scope_set ? rule.scope : Scope::kSentence;
    for (std::uint32_t i = 0; i < rule.tokens.size(); ++i) {
      const auto id = static_cast<std::uint32_t>(index->token_patterns_.size());
      index->token_patterns_.push_back(CompiledTokenPattern{r, i, rule.tokens[i]});
      // Anchor on the first element when it must be present and names a norm or a lemma,
      // or else a part of speech (品詞): a pattern starting with a verb is tried at verbs only.
      const TokenElement& first = rule.tokens[i].front();
      bool anchored = false;
      if (first.min >= 1) {
        for (const TokenField field : {TokenField::kNorm, TokenField::kLemma, TokenField::kPos}) {
          for (const TokenConstraint& c : first.constraints) {
            if (c.negate || c.field != field || anchored) continue;
            auto& bucket = field == TokenField::kNorm    ? index->token_by_norm_
                           : field == TokenField::kLemma ? index->token_by_lemma_
                                                         : index->token_by_pos_;
            for (const std::string& v : c.values) bucket[v].push_back(id);
            anchored = true;
          }
        }
      }
      if (!anchored) index->unanchored_[static_cast<std::size_t>(rule.lang)].push_back(id);
    }
    for (std::uint32_t i = 0; i < rule.regex.size(); ++i) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError parse_error{};
      std::unique_ptr<icu::RegexPattern> compiled(
          icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(rule.regex[i]), 0, parse_error, status));
      if (U_FAILURE(status)) {
        return Status(ErrorCode::kParse, "rule '" + rule.id + "': invalid regex '" + rule.regex[i] + "'",
                      Location{rule.origin.path, rule.origin.line, rule.origin.column});
      }
      index->regexes_.push_back(CompiledRegex{r, i, std::move(compiled), rule.scope_set && rule.scope != Scope::kSentence});
    }
  }
  return index;
}

void MatchIndex::match_phrases(const MessageView& message, std::uint32_t sentence_index,
                               std::vector<std::vector<Match>>* out) const {
  const AnalyzedSentence& as = message.analysis.sentences[sentence_index];
  const std::span<const Token> tokens = message.tokens(as);
  auto emit = [&](std::uint32_t rule, std::uint32_t pattern, PatternSource src, std::size_t begin, std::size_t end) {
    if (!lang_applies(rules_[rule].lang, as.sentence)) return;
    Match m;
    m.sentence = sentence_index;
    m.token_begin = as.token_begin + static_cast<std::uint32_t>(begin);
    m.token_end = as.token_begin + static_cast<std::uint32_t>(end);
    m.offset = tokens[begin].offset;
    m.length = tokens[end - 1].offset + tokens[end - 1].length - m.offset;
    m.pattern = pattern;
    m.source = src;
    (*out)[rule].push_back(m);
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const bool name = t.kind == TokenKind::kName;
    if (!is_prose(t.kind) && !name) continue;
    for (const auto* bucket : {lookup(by_norm_, t.norm), lookup(by_lemma_, t.lemma)}) {
      if (bucket == nullptr) continue;
      for (std::uint32_t p : *bucket) {
        const Phrase& phrase = phrases_[p];
        if (i + phrase.keys.size() > tokens.size()) continue;
        bool all = true;
        for (std::size_t k = 0; k < phrase.keys.size() && all; ++k) {
          const Token& u = tokens[i + k];
          const std::string_view key = phrase.by_lemma[k] ? u.lemma : u.norm;
          // A name token matches only where the phrase itself names it.
          const bool kind_ok = phrase.name[k] ? u.kind == TokenKind::kName : is_prose(u.kind);
          all = kind_ok && key == phrase.keys[k];
        }
        if (all) emit(phrase.rule, phrase.pattern, phrase.source, i, i + phrase.keys.size());
      }
    }
    auto try_patterns = [&](const std::vector<std::uint32_t>* ids) {
      if (ids == nullptr) return;
      for (std::uint32_t id : *ids) {
        const CompiledTokenPattern& tp = token_patterns_[id];
        const int n = match_token_pattern(tokens, i, tp.elements);
        if (n > 0) emit(tp.rule, tp.pattern, PatternSource::kTokens, i, i + static_cast<std::size_t>(n));
      }
    };
    if (name) continue;  // token patterns never match names
    // Each pattern sits in one bucket only, so trying them all never matches twice.
    try_patterns(lookup(token_by_norm_, t.norm));
    try_patterns(lookup(token_by_lemma_, t.lemma));
    if (t.morph != nullptr) try_patterns(lookup(token_by_pos_, t.morph->pos));
    try_patterns(&unanchored_[static_cast<std::size_t>(RuleLang::kAny)]);
    if (as.sentence.langs.has(Lang::kJa)) try_patterns(&unanchored_[static_cast<std::size_t>(RuleLang::kJa)]);
    if (as.sentence.langs.has(Lang::kEn)) try_patterns(&unanchored_[static_cast<std::size_t>(RuleLang::kEn)]);
  }
}

void MatchIndex::match_regexes(const MessageView& message, std::vector<std::vector<Match>>* out,
                               std::vector<Status>* warnings) const {
  const auto& sentences = message.analysis.sentences;
  for (const CompiledRegex& cr : regexes_) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(cr.regex->matcher(status));
    if (U_FAILURE(status)) continue;
    matcher->setTimeLimit(kRegexTimeLimit, status);
    bool timed_out = false;
    // Per sentence, or per paragraph (block) when the rule's scope is wider.
    std::size_t s = 0;
    while (s < sentences.size() && !timed_out) {
      std::size_t last = s;
      if (cr.per_paragraph) {
        while (last + 1 < sentences.size() && sentences[last + 1].sentence.block == sentences[s].sentence.block) ++last;
      }
      const AnalyzedSentence& first = sentences[s];
      const TextBlock& block = message.block(first);
      const std::uint32_t begin = first.sentence.text_begin;
      const std::uint32_t end = sentences[last].sentence.text_end;
      if (!lang_applies(rules_[cr.rule].lang, first.sentence) && last == s) {
        s = last + 1;
        continue;
      }
      UText utext = UTEXT_INITIALIZER;
      status = U_ZERO_ERROR;
      utext_openUTF8(&utext, block.text.data() + begin, end - begin, &status);
      matcher->reset(&utext);
      while (matcher->find(status) && U_SUCCESS(status)) {
        const auto mb = begin + static_cast<std::uint32_t>(matcher->start64(status));
        const auto me = begin + static_cast<std::uint32_t>(matcher->end64(status));
        if (me <= mb) continue;  // empty matches find nothing to report
        // The tokens the match covers; a match touching code, a URL or an address is dropped.
        std::uint32_t tb = UINT32_MAX, te = 0, sentence_of_match = static_cast<std::uint32_t>(s);
        bool prose = true;
        for (std::size_t k = s; k <= last; ++k) {
          const AnalyzedSentence& as = sentences[k];
          if (as.token_begin >= as.token_end) continue;
          const Token* tokens = message.analysis.tokens.data();
          const Token& last_token = tokens[as.token_end - 1];
          if (last_token.text_offset + last_token.text_length <= mb || tokens[as.token_begin].text_offset >= me) continue;
          // A sentence's tokens run forward through the block text: the first one the match
          // touches is found by bisection, not by a walk from the sentence start (a cut
          // sentence of 16 KiB of "!!!" made each of its thousands of matches walk it all).
          const Token* touched = std::partition_point(tokens + as.token_begin, tokens + as.token_end, [&](const Token& t) {
            return t.text_offset + t.text_length <= mb;
          });
          for (auto ti = static_cast<std::uint32_t>(touched - tokens); ti < as.token_end; ++ti) {
            const Token& t = tokens[ti];
            if (t.text_offset >= me) break;
            if (t.text_offset + t.text_length <= mb) continue;
            if (tb == UINT32_MAX) {
              tb = ti;
              sentence_of_match = static_cast<std::uint32_t>(k);
            }
            te = ti + 1;
            prose = prose && is_prose(t.kind);
          }
        }
        if (!prose) continue;
        Match m;
        m.sentence = sentence_of_match;
        m.token_begin = tb == UINT32_MAX ? 0 : tb;
        m.token_end = te;
        m.offset = block.map.to_source_begin(mb);
        m.length = std::max(block.map.to_source_end(me), m.offset) - m.offset;  // never wraps
        m.pattern = cr.pattern;
        m.source = PatternSource::kRegex;
        (*out)[cr.rule].push_back(m);
      }
      if (status == U_REGEX_TIME_OUT) {
        timed_out = true;
        // Reported once per rule and file; the rule's other patterns and rules still run.
        warnings->push_back(Status(ErrorCode::kInternal,
                                   "regex " + std::to_string(cr.pattern + 1) + " of rule " + rules_[cr.rule].id +
                                       " hit its time limit here and was stopped for the rest of this file "
                                       "(a pattern with catastrophic backtracking?)",
                                   message.doc.source().location(message.analysis.sentences[s].sentence.offset)));
      }
      utext_close(&utext);
      s = last + 1;
    }
  }
}

void MatchIndex::find(const MessageView& message, std::vector<std::vector<Match>>* per_rule,
                      std::vector<Status>* warnings) const {
  per_rule->assign(rules_.size(), {});
  for (std::uint32_t s = 0; s < message.analysis.sentences.size(); ++s) match_phrases(message, s, per_rule);
  match_regexes(message, per_rule, warnings);
  for (std::uint32_t r = 0; r < per_rule->size(); ++r) {
    auto& matches = (*per_rule)[r];
    if (!matches.empty() && (!rules_[r].unless.empty() || !rules_[r].not_followed_by.empty())) {
      drop_excused(message, rules_[r], &matches);
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
      return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
    });
  }
}

namespace {

// A sentence's prose token norms run together, with where each token starts in the run.
struct SpelledSentence {
  std::string norms;
  std::vector<std::uint32_t> starts;  // per token of the sentence; non-prose tokens spell nothing
};

SpelledSentence spell(const MessageView& message, const AnalyzedSentence& as) {
  SpelledSentence out;
  for (const Token& t : message.tokens(as)) {
    out.starts.push_back(static_cast<std::uint32_t>(out.norms.size()));
    if (is_prose(t.kind) || t.kind == TokenKind::kName) out.norms += t.norm;
  }
  return out;
}

// Whether one of `phrases` starts at a token in [first, last) of the sentence (indices
// relative to the sentence).
bool spelled_at(const SpelledSentence& s, const std::vector<std::string>& phrases, std::size_t first,
                std::size_t last) {
  for (std::size_t k = first; k < last && k < s.starts.size(); ++k) {
    const std::string_view rest = std::string_view(s.norms).substr(s.starts[k]);
    for (const std::string& p : phrases) {
      if (rest.starts_with(p)) return true;
    }
  }
  return false;
}

}  // namespace

SentenceRange unit_of(std::span<const AnalyzedSentence> sentences, Scope scope, std::uint32_t sentence) {
  switch (scope) {
    case Scope::kSentence: return {sentence, sentence};
    case Scope::kMessage: return {0, static_cast<std::uint32_t>(sentences.size() - 1)};
    case Scope::kParagraph: break;
  }
  // A paragraph's sentences are consecutive.
  const std::uint32_t block = sentences[sentence].sentence.block;
  SentenceRange range{sentence, sentence};
  while (range.first > 0 && sentences[range.first - 1].sentence.block == block) --range.first;
  while (range.last + 1 < sentences.size() && sentences[range.last + 1].sentence.block == block) ++range.last;
  return range;
}

bool MatchIndex::unit_has_unless(const MessageView& message, const RuleInfo& info, std::uint32_t sentence) const {
  const auto& sentences = message.analysis.sentences;
  const SentenceRange unit = unit_of(sentences, info.unless_scope, sentence);
  for (std::uint32_t s = unit.first; s <= unit.last; ++s) {
    if (spelled_at(spell(message, sentences[s]), info.unless, 0, sentences[s].token_end - sentences[s].token_begin)) {
      return true;
    }
  }
  return false;
}

bool MatchIndex::excused_by_unless(const MessageView& message, std::uint32_t rule, std::uint32_t sentence) const {
  return !rules_[rule].unless.empty() && unit_has_unless(message, rules_[rule], sentence);
}

void MatchIndex::drop_excused(const MessageView& message, const RuleInfo& info, std::vector<Match>* matches) const {
  const auto& sentences = message.analysis.sentences;
  // `unless`: a phrase anywhere in the match's sentence, paragraph or message; each unit
  // (keyed by its first sentence) is looked at once.
  std::unordered_map<std::uint32_t, bool> unless_by_unit;
  auto excused_by_unless = [&](const Match& m) {
    if (info.unless.empty()) return false;
    auto [it, fresh] = unless_by_unit.try_emplace(unit_of(sentences, info.unless_scope, m.sentence).first, false);
    if (fresh) it->second = unit_has_unless(message, info, m.sentence);
    return it->second;
  };
  // `not_followed_by`: a phrase after the match, before the clause ends at punctuation.
  std::unordered_map<std::uint32_t, SpelledSentence> spelled;  // only the sentences asked about
  auto excused_by_follower = [&](const Match& m) {
    if (info.not_followed_by.empty()) return false;
    const AnalyzedSentence& as = sentences[m.sentence];
    auto it = spelled.find(m.sentence);
    if (it == spelled.end()) it = spelled.emplace(m.sentence, spell(message, as)).first;
    std::uint32_t clause_end = m.token_end;
    while (clause_end < as.token_end && message.analysis.tokens[clause_end].kind != TokenKind::kPunct) ++clause_end;
    return spelled_at(it->second, info.not_followed_by, m.token_end - as.token_begin, clause_end - as.token_begin);
  };
  std::erase_if(*matches, [&](const Match& m) { return excused_by_follower(m) || excused_by_unless(m); });
}

}  // namespace tonelint
