// substitution: a phrase with a preferred form; each finding carries the rewrite.
// 了解しました → 承知しました; "utilize" → "use". A Japanese rewrite keeps the
// conjugation of what it replaces (見れます → 見られます); an English one keeps its
// capitalization (Utilize → Use).
#include <unicode/unistr.h>

#include "engine/conjugation.h"
#include "engine/analyzed_text.h"
#include "rules/rule_check.h"

namespace tonelint {
namespace {

struct Rewrite {
  std::string to;
  bool conjugates = false;    // `from` ends in a conjugable word and `to` can follow it
  std::string to_prefix;      // `to` before its last conjugable word
  std::string to_base;        // that word's dictionary form
  std::string to_ctype;       // and its 活用型
};

std::string to_upper(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toUpper().toUTF8String(out);
  return out;
}

// "Utilize" → "Use", "UTILIZE" → "USE", "utilize" → "use".
std::string match_case(std::string_view matched, const std::string& to) {
  const icu::UnicodeString m = icu::UnicodeString::fromUTF8(icu::StringPiece(matched.data(), static_cast<int32_t>(matched.size())));
  int upper = 0, lower = 0;
  for (int32_t i = 0; i < m.length(); ++i) {
    upper += u_isupper(m.charAt(i)) ? 1 : 0;
    lower += u_islower(m.charAt(i)) ? 1 : 0;
  }
  if (upper > 1 && lower == 0) return to_upper(to);
  if (m.length() > 0 && u_isupper(m.char32At(0)) && !to.empty()) {
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

class SubstitutionCheck final : public RuleCheck {
 public:
  SubstitutionCheck(const Rule& rule, std::string id, CheckBuildContext& ctx) : RuleCheck(rule, std::move(id)) {
    for (const auto& [from, to] : rule.swap) {
      Rewrite rw;
      rw.to = to;
      auto from_text = analyze_text(ctx.analyzer, from);
      auto to_text = analyze_text(ctx.analyzer, to);
      if (from_text.ok() && to_text.ok()) {
        const std::vector<Token> from_tokens = (*from_text)->prose_tokens();
        const std::vector<Token> to_tokens = (*to_text)->prose_tokens();
        // Both end in a conjugable word: the rewrite takes the form the text had.
        if (!from_tokens.empty() && is_conjugable(from_tokens.back()) && !to_tokens.empty() &&
            is_conjugable(to_tokens.back())) {
          const Token& last = to_tokens.back();
          rw.conjugates = true;
          rw.to_prefix = to.substr(0, last.offset);
          rw.to_base = std::string(last.morph->base);
          rw.to_ctype = std::string(last.morph->ctype);
        }
      }
      rewrites_.push_back(std::move(rw));
    }
  }

  void check(const MessageView& message, std::span<const Match> matches, std::vector<Diagnostic>* out) const override {
    for (const Match& m : without_overlaps(matches)) {
      if (m.source != PatternSource::kSwap || m.pattern >= rewrites_.size()) continue;
      const std::optional<std::string> replacement = rewrite_for(message, m);
      // The message names the rule's own form (承知する); the edit holds the conjugated one.
      const std::string& to = rewrites_[m.pattern].conjugates ? rewrites_[m.pattern].to
                                                                : replacement.value_or(rewrites_[m.pattern].to);
      const std::pair<std::string_view, std::string> vars[] = {{"to", to}};
      Diagnostic d = report(message, m.offset, m.length, vars);
      if (replacement) d.suggestions.push_back(Suggestion{m.offset, m.length, *replacement, rule().fix_safe});
      out->push_back(std::move(d));
    }
  }

 private:
  std::optional<std::string> rewrite_for(const MessageView& message, const Match& m) const {
    const Rewrite& rw = rewrites_[m.pattern];
    const std::string_view matched = message.source(m.offset, m.length);
    if (!rw.conjugates) return match_case(matched, rw.to);
    const Token& last = message.analysis.tokens[m.token_end - 1];
    if (last.morph == nullptr) return std::nullopt;
    // The rewrite's last word takes the form the replaced word had (連用形 before ます).
    auto conjugated = conjugate(rw.to_base, rw.to_ctype, last.morph->cform);
    if (!conjugated) return std::nullopt;  // better no rewrite than a wrong one
    return rw.to_prefix + *conjugated;
  }

  std::vector<Rewrite> rewrites_;
};

}  // namespace

std::unique_ptr<RuleCheck> make_substitution_check(const Rule& rule, std::string id, CheckBuildContext& ctx) {
  return std::make_unique<SubstitutionCheck>(rule, std::move(id), ctx);
}

}  // namespace tonelint
