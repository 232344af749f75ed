// substitution: a phrase with a preferred form; each finding carries the rewrite.
// 了解しました → 承知しました; "utilize" → "use". A Japanese rewrite keeps the
// conjugation of what it replaces (見れます → 見られます); an English one keeps its
// capitalization (Utilize → Use). Token patterns rewrite the elements that carry a
// `rewrite` and keep the rest as written, so one pattern covers every verb:
// [{ctype: 一段, cform: 未然形}, {lemma: れる, pos1: 接尾, rewrite: られる}] turns 食べれます
// into 食べられます.
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "engine/analyzed_text.h"
#include "engine/conjugation.h"
#include "engine/document_names.h"
#include "rules/reading_check.h"
#include "rules/rule_check.h"

namespace tonelint {
namespace {

struct Rewrite {
  std::string to;
  bool conjugates = false;    // `from` ends in a conjugable word and `to` can follow it
  std::string to_prefix;      // `to` before its last conjugable word
  std::string to_base;        // that word's dictionary form
  std::string to_ctype;       // and its 活用型
  // Token rewrites conjugate only a word of the same part of speech as the one replaced:
  // れる → られる takes the form of れ, but できる → いたしかねます (ending in the 助動詞 ます)
  // is written as is. Empty: no such condition (swap).
  std::string to_pos;
};

std::string to_upper(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toUpper().toUTF8String(out);
  return out;
}

// "Utilize" → "Use", "utilize" → "use", "UTILIZE" → "USE". An abbreviation in capitals
// (one that expands into more words) is written so, not shouted, unless the words around
// are shouted too (`shouted`): "FYI" → "for your information", at a sentence's start "For
// your information".
std::string match_case(std::string_view matched, const std::string& to, bool shouted, bool starts_sentence) {
  const icu::UnicodeString m = icu::UnicodeString::fromUTF8(icu::StringPiece(matched.data(), static_cast<int32_t>(matched.size())));
  int upper = 0, lower = 0;
  for (int32_t i = 0; i < m.length(); ++i) {
    upper += u_isupper(m.charAt(i)) ? 1 : 0;
    lower += u_islower(m.charAt(i)) ? 1 : 0;
  }
  // An abbreviation expands into more words than it is (FYI → for your information).
  const auto words = [](std::string_view s) { return std::count(s.begin(), s.end(), ' '); };
  const bool abbreviation = upper > 1 && lower == 0 && words(to) > words(matched);
  if (upper > 1 && lower == 0 && (shouted || !abbreviation)) return to_upper(to);
  if (m.length() > 0 && u_isupper(m.char32At(0)) && !to.empty() && (!abbreviation || starts_sentence)) {
    icu::UnicodeString t = icu::UnicodeString::fromUTF8(to);
    const UChar32 first = t.char32At(0);
    if (u_islower(first)) {
      t.replace(0, U16_LENGTH(first), u_toupper(first));
      std::string out;
      t.toUTF8String(out);
      return out;
    }
  }
  return to;
}

// Prepares `to` to be conjugated like the text it replaces, when `to` ends in a
// conjugable word and `replaced_conjugates` says the replaced text does too.
Rewrite make_rewrite(Analyzer& analyzer, const std::string& to, bool replaced_conjugates, bool same_pos_only) {
  Rewrite rw;
  rw.to = to;
  if (!replaced_conjugates) return rw;
  auto to_text = analyze_text(analyzer, to);
  if (!to_text.ok()) return rw;
  const std::vector<Token> to_tokens = (*to_text)->prose_tokens();
  if (to_tokens.empty() || !is_conjugable(to_tokens.back())) return rw;
  const Token& last = to_tokens.back();
  rw.conjugates = true;
  rw.to_prefix = to.substr(0, last.offset);
  rw.to_base = std::string(last.morph->base);
  rw.to_ctype = std::string(last.morph->ctype);
  if (same_pos_only) rw.to_pos = std::string(last.morph->pos);
  return rw;
}

// `rw.to` in the form `token` has (its 活用形); plain `rw.to` when it does not conjugate.
std::optional<std::string> conjugated_like(const Rewrite& rw, const Token& token) {
  // Nothing to agree with: a particle (て) or a word MeCab did not analyse.
  if (!rw.conjugates || token.morph == nullptr || token.morph->cform.empty() || token.morph->cform == "*" ||
      (!rw.to_pos.empty() && token.morph->pos != rw.to_pos)) {
    return rw.to;
  }
  auto conjugated = conjugate(rw.to_base, rw.to_ctype, token.morph->cform);
  if (!conjugated) return std::nullopt;  // better no rewrite than a wrong one
  return rw.to_prefix + *conjugated;
}

class SubstitutionCheck final : public RuleCheck {
 public:
  SubstitutionCheck(const Rule& rule, std::string id, CheckBuildContext& ctx) : RuleCheck(rule, std::move(id)) {
    for (const auto& [from, to] : rule.swap) {
      auto from_text = analyze_text(ctx.analyzer, from);
      bool from_conjugates = false;
      if (from_text.ok()) {
        const std::vector<Token> from_tokens = (*from_text)->prose_tokens();
        from_conjugates = !from_tokens.empty() && is_conjugable(from_tokens.back());
      }
      // Both end in a conjugable word: the rewrite takes the form the text had.
      rewrites_.push_back(make_rewrite(ctx.analyzer, to, from_conjugates, false));
    }
    for (const TokenPattern& pattern : rule.tokens) {
      std::vector<std::optional<Rewrite>> per_element;
      for (const TokenElement& element : pattern) {
        if (element.rewrite) {
          per_element.push_back(make_rewrite(ctx.analyzer, *element.rewrite, true, true));
        } else {
          per_element.emplace_back();
        }
      }
      token_rewrites_.push_back(std::move(per_element));
    }
  }

  void check(const MessageView& message, std::span<const Match> matches, FindingSink* out) const override {
    for (const Match& m : without_overlaps(matches)) {
      if (m.source == PatternSource::kTokens) {
        report_token_rewrite(message, m, out);
        continue;
      }
      if (m.source != PatternSource::kSwap || m.pattern >= rewrites_.size()) continue;
      const std::optional<std::string> replacement = rewrite_for(message, m);
      // The message names the rule's own form (承知する); the edit holds the conjugated one.
      const std::string& to = rewrites_[m.pattern].conjugates ? rewrites_[m.pattern].to
                                                                : replacement.value_or(rewrites_[m.pattern].to);
      const std::pair<std::string_view, std::string> vars[] = {{"to", to}};
      Diagnostic d = report(message, m.offset, m.length, vars);
      const bool safe = rule().fix_safe && std::find(rule().unsafe_swaps.begin(), rule().unsafe_swaps.end(),
                                                     m.pattern) == rule().unsafe_swaps.end();
      if (replacement) d.suggestions.push_back(Suggestion{m.offset, m.length, *replacement, safe});
      out->push_back(std::move(d));
    }
  }

 private:
  std::optional<std::string> rewrite_for(const MessageView& message, const Match& m) const {
    const Rewrite& rw = rewrites_[m.pattern];
    std::string_view matched = message.source(m.offset, m.length);
    if (m.token_end > m.token_begin && message.doc.is_encoded(m.offset, m.length)) {
      // Base64 or quoted-printable in an e-mail: the case to keep is the decoded text's
      // ("IHV0aWxpemUg" is " utilize ", not a capitalized word).
      const Token& first = message.analysis.tokens[m.token_begin];
      const Token& last = message.analysis.tokens[m.token_end - 1];
      if (first.surface.data() <= last.surface.data()) {
        matched = std::string_view(first.surface.data(),
                                   static_cast<std::size_t>(last.surface.data() + last.surface.size() - first.surface.data()));
      }
    }
    if (!rw.conjugates) return match_case(matched, rw.to, shouted_around(message, m), starts_sentence(message, m));
    // The rewrite's last word takes the form the replaced word had (連用形 before ます).
    return conjugated_like(rw, message.analysis.tokens[m.token_end - 1]);
  }

  // Whether a word next to the match is written in capitals too (a shouted sentence).
  static bool shouted_around(const MessageView& message, const Match& m) {
    const AnalyzedSentence& as = message.analysis.sentences[m.sentence];
    auto caps = [&](std::uint32_t t) {
      const std::string_view w = message.analysis.tokens[t].surface;
      return message.analysis.tokens[t].kind == TokenKind::kWord &&
             std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
             std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    return (m.token_begin > as.token_begin && caps(m.token_begin - 1)) || (m.token_end < as.token_end && caps(m.token_end));
  }

  static bool starts_sentence(const MessageView& message, const Match& m) {
    return begins_sentence(message.analysis.tokens, message.analysis.sentences[m.sentence].token_begin, m.token_begin);
  }

  // Whether MeCab's reading of the match is too doubtful for a rewrite: a verb split from
  // the suffix れる that may be a word MeCab does not know (rules/reading_check.h).
  static bool doubtful_analysis(const MessageView& message, const Match& m) {
    const auto& tokens = message.analysis.tokens;
    for (std::uint32_t t = m.token_begin; t + 1 < m.token_end; ++t) {
      const Morph* next = tokens[t + 1].morph;
      if (next != nullptr && next->pos1 == "接尾" && next->base == "れる" &&
          doubtful_before_reru(tokens[t], message.analyzer)) {
        return true;
      }
    }
    return false;
  }

  // A token-pattern match: elements with a rewrite are replaced, the rest and whatever lies
  // between tokens are kept as written. A match MeCab may have misread is not reported: the
  // rule cannot say what the text is (獲れた is とれた, not ら抜き).
  void report_token_rewrite(const MessageView& message, const Match& m, FindingSink* out) const {
    if (m.pattern >= token_rewrites_.size()) return;
    if (doubtful_analysis(message, m)) return;
    const auto& per_element = token_rewrites_[m.pattern];
    const TokenPattern& pattern = rule().tokens[m.pattern];
    const std::span<const Token> all(message.analysis.tokens);
    std::vector<std::uint32_t> taken;
    const int n = match_token_pattern(all.subspan(0, message.analysis.sentences[m.sentence].token_end), m.token_begin,
                                      pattern, &taken);
    if (n != static_cast<int>(m.token_end - m.token_begin)) return;  // cannot happen: same tokens, same pattern
    std::optional<std::string> replacement = std::string();
    std::uint32_t at = m.offset;  // source bytes copied so far
    std::uint32_t token = m.token_begin;
    for (std::size_t e = 0; e < pattern.size() && replacement; ++e) {
      const std::uint32_t first = token;
      token += taken[e];
      if (!per_element[e] || taken[e] == 0) continue;
      const Token& begin = all[first];
      const Token& last = all[token - 1];
      replacement->append(message.source(at, begin.offset - at));
      const std::optional<std::string> rewritten = conjugated_like(*per_element[e], last);
      if (!rewritten) {
        replacement.reset();
        break;
      }
      replacement->append(*rewritten);
      at = last.offset + last.length;
    }
    if (replacement) replacement->append(message.source(at, m.offset + m.length - at));
    const std::string shown = replacement.value_or(std::string(message.source(m.offset, m.length)));
    const std::pair<std::string_view, std::string> vars[] = {{"to", shown}};
    Diagnostic d = report(message, m.offset, m.length, vars);
    if (replacement && *replacement != message.source(m.offset, m.length)) {
      d.suggestions.push_back(Suggestion{m.offset, m.length, *replacement, rule().fix_safe});
    }
    out->push_back(std::move(d));
  }

  std::vector<Rewrite> rewrites_;
  std::vector<std::vector<std::optional<Rewrite>>> token_rewrites_;  // per pattern, per element
};

// A substitution needs something to rewrite: `swap:` pairs, a dictionary of them, or token
// pattern elements with a `rewrite`.
std::shared_ptr<const KindOptions> parse_substitution(RuleYaml& yaml, const Rule& rule) {
  const bool rewrites = std::any_of(rule.tokens.begin(), rule.tokens.end(), [](const TokenPattern& p) {
    return std::any_of(p.begin(), p.end(), [](const TokenElement& e) { return e.rewrite.has_value(); });
  });
  if (!yaml.has("swap") && !yaml.has("dictionary") && !rewrites) {
    yaml.error(yaml.name() + " (substitution) needs 'swap: {from: to}', a dictionary, or token patterns with a 'rewrite'");
  }
  return nullptr;
}

std::unique_ptr<RuleCheck> make_substitution_check(const Rule& rule, std::string id, CheckBuildContext& ctx) {
  return std::make_unique<SubstitutionCheck>(rule, std::move(id), ctx);
}

}  // namespace

extern const RuleKind kSubstitutionKind;
constinit const RuleKind kSubstitutionKind{.name = "substitution",
                                           .parse = parse_substitution,
                                           .make = make_substitution_check,
                                           .dictionary_swaps = true,
                                           .token_rewrites = true};

}  // namespace tonelint
