// capitalization: SHOUTING. A run of all-capital English words with `min_words` to
// `max_words` words that are not allowed acronyms and (with a `lexicon`) are ordinary words, one of
// them `min_length` letters or longer, is reported with a sentence-case rewrite: "YOUR ACCOUNT IS LOCKED" →
// "Your account is locked"; "GROWI" and "CSRF" are names, not shouting.
//
// Never reported: an acronym the lexicon lists in capitals (ASAP, FYI); a word the
// document writes in capitals more than once (a plan code FREE, an acronym CRUD, a UI label
// SAVE: the document shows that is how the word is written); a word in capitals beside a
// capitalized word inside the sentence (EASY Backup: a product name, even when the brand
// dictionary is not loaded); anything in a Japanese sentence, where Latin capitals are
// acronyms and names, never a raised voice (nor in a document written mostly in Japanese);
// a label: all there is of a heading, list item or table cell, or link text.
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "engine/document_names.h"
#include "rules/capitalization.h"
#include "rules/rule_check.h"

namespace tonelint {
namespace {

struct CapitalizationOptions final : KindOptions {
  std::uint32_t min_length = 4;          // the shortest SHOUTING word
  std::uint32_t min_words = 1;           // the fewest capitalized words in a run
  std::uint32_t max_words = UINT32_MAX;  // the most (1: single words only)
  std::vector<std::string> allow;        // acronyms allowed
  // Ordinary lowercase English words (`lexicon: FILE`). When set, only a word found here,
  // written in capitals, is shouting: GROWI or CSRF are names and acronyms, HUGE is not.
  // Shared with every rule that names the same file.
  std::shared_ptr<const std::unordered_set<std::string>> lexicon;
};

class CapitalizationCheck final : public RuleCheck {
 public:
  CapitalizationCheck(const Rule& rule, std::string id)
      : RuleCheck(rule, std::move(id)), options_(static_cast<const CapitalizationOptions&>(*rule.options)) {}

  void check(const MessageView& message, std::span<const Match>, FindingSink* out) const override {
    const auto& tokens = message.analysis.tokens;
    if (message.names != nullptr && message.names->mainly_japanese()) return;
    for (const AnalyzedSentence& as : message.analysis.sentences) {
      if (as.sentence.lang == Lang::kJa) continue;
      std::uint32_t i = as.token_begin;
      while (i < as.token_end) {
        if (!is_caps(tokens[i])) {
          ++i;
          continue;
        }
        std::uint32_t end = i;
        bool long_word = false;
        std::uint32_t words = 0;  // capitalized ordinary words: one is emphasis, several are shouting
        while (end < as.token_end && is_caps(tokens[end])) {
          if (!allowed(tokens[end]) && !written_so(message, as, end) && ordinary(tokens[end])) {
            ++words;
            long_word = long_word || letters(tokens[end]) >= options_.min_length;
          }
          ++end;
        }
        if (long_word && words >= options_.min_words && words <= options_.max_words && !label(message, as, i, end)) {
          report_run(message, as, i, end, i == as.token_begin, out);
        }
        i = end;
      }
    }
  }

 private:
  static std::size_t letters(const Token& t) {
    return static_cast<std::size_t>(std::count_if(t.surface.begin(), t.surface.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) >= 0xC0);
    }));
  }

  // An English word written in capitals only (two letters or more, so "I" and "A" are not).
  static bool is_caps(const Token& t) {
    if (t.kind != TokenKind::kWord || t.lang != Lang::kEn) return false;
    // ASCII, the common case, without converting the word to UTF-16.
    if (std::all_of(t.surface.begin(), t.surface.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      int upper = 0;
      for (char c : t.surface) {
        if (c >= 'a' && c <= 'z') return false;
        upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
      }
      return upper >= 2;
    }
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(t.surface.data(), static_cast<int32_t>(t.surface.size())));
    int upper = 0;
    for (int32_t k = 0; k < u.length(); ++k) {
      if (u_islower(u.charAt(k))) return false;
      upper += u_isupper(u.charAt(k)) ? 1 : 0;
    }
    return upper >= 2;
  }

  // A word of the lexicon (its norm is the lowercase form); any word when there is none.
  bool ordinary(const Token& t) const {
    return options_.lexicon == nullptr || options_.lexicon->contains(std::string(t.norm));
  }

  bool allowed(const Token& t) const {
    return std::find(options_.allow.begin(), options_.allow.end(), t.surface) != options_.allow.end() ||
           (options_.lexicon != nullptr && options_.lexicon->contains(std::string(t.surface)));  // ASAP, FYI
  }

  // Whether a run of capitals is a label: all there is of a heading, a list item or a
  // table cell (# CONTRIBUTING, - PREMIUM), or link text (the name of a page).
  static bool label(const MessageView& message, const AnalyzedSentence& as, std::uint32_t begin, std::uint32_t end) {
    const TextBlock& block = message.block(as);
    const std::uint32_t at = message.analysis.tokens[begin].text_offset;
    for (const InlineSpan& span : block.spans) {
      if (span.kind == InlineKind::kLinkText && span.text_begin <= at && at < span.text_end) return true;
    }
    if (block.kind == BlockKind::kParagraph) return false;
    for (std::uint32_t t = as.token_begin; t < as.token_end; ++t) {
      if ((t < begin || t >= end) && message.analysis.tokens[t].kind == TokenKind::kWord) return false;
    }
    return true;
  }

  // Whether the capitals of token `k` are how the word is written, not a raised voice: the
  // document writes it so more than once, or it stands beside a capitalized word of the
  // sentence (a name: EASY Backup, Minato PAY).
  static bool written_so(const MessageView& message, const AnalyzedSentence& as, std::uint32_t k) {
    const auto& tokens = message.analysis.tokens;
    if (message.names != nullptr && message.names->capitals_count(tokens[k].surface) >= 2) return true;
    auto capitalized = [&](std::uint32_t n) {
      const std::string_view w = tokens[n].surface;
      return tokens[n].kind == TokenKind::kWord && !w.empty() && w.front() >= 'A' && w.front() <= 'Z' &&
             std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    // (A sentence's first word is capitalized anyway.)
    return (k > as.token_begin && capitalized(k - 1) && !begins_sentence(tokens, as.token_begin, k - 1)) ||
           (k + 1 < as.token_end && capitalized(k + 1));
  }

  void report_run(const MessageView& message, const AnalyzedSentence& as, std::uint32_t begin, std::uint32_t end,
                  bool starts_sentence, FindingSink* out) const {
    const auto& tokens = message.analysis.tokens;
    const std::uint32_t offset = tokens[begin].offset;
    const std::uint32_t length = tokens[end - 1].offset + tokens[end - 1].length - offset;
    // Lowercase the ordinary words, not acronyms or names; capitalize a sentence's first word.
    std::string rewrite(message.source(offset, length));
    for (std::uint32_t k = end; k-- > begin;) {
      const Token& t = tokens[k];
      if (allowed(t) || written_so(message, as, k) || !ordinary(t)) continue;
      std::string lower;
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(t.surface.data(), static_cast<int32_t>(t.surface.size())));
      u.toLower();
      if (k == begin && starts_sentence) u.replace(0, 1, u_toupper(u.char32At(0)));
      u.toUTF8String(lower);
      rewrite.replace(t.offset - offset, t.length, lower);
    }
    const std::pair<std::string_view, std::string> vars[] = {{"to", rewrite}};
    Diagnostic d = report(message, offset, length, vars);
    d.suggestions.push_back(Suggestion{offset, length, rewrite, rule().fix_safe});
    out->push_back(std::move(d));
  }

  // Lives in the rule this check holds a copy of.
  const CapitalizationOptions& options_;
};

constexpr std::string_view kKeys[] = {"min_length", "allow", "lexicon", "min_words", "max_words"};

std::shared_ptr<const KindOptions> parse_capitalization(RuleYaml& yaml, const Rule&) {
  auto options = std::make_shared<CapitalizationOptions>();
  if (auto n = yaml.count("min_length")) options->min_length = *n;
  if (auto n = yaml.count("min_words")) options->min_words = *n;
  if (auto n = yaml.count("max_words")) options->max_words = *n;
  if (yaml.has("allow")) options->allow = yaml.strings("allow");
  if (yaml.has("lexicon")) options->lexicon = yaml.word_set("lexicon");
  return options;
}

std::unique_ptr<RuleCheck> make_capitalization_check(const Rule& rule, std::string id, CheckBuildContext&) {
  return std::make_unique<CapitalizationCheck>(rule, std::move(id));
}

}  // namespace

extern const RuleKind kCapitalizationKind;
constinit const RuleKind kCapitalizationKind{
    .name = "capitalization", .keys = kKeys, .parse = parse_capitalization, .make = make_capitalization_check};

std::shared_ptr<const std::unordered_set<std::string>> capitalization_lexicon(const Rule& rule) {
  if (rule.kind != &kCapitalizationKind || rule.options == nullptr) return nullptr;
  return static_cast<const CapitalizationOptions&>(*rule.options).lexicon;
}

}  // namespace tonelint
