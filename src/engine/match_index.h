// Finds every pattern of every active rule in one pass over a message's tokens.
// `words` and `swap` phrases are matched on token norms, `lemmas` on token lemmas, each
// through one hash index shared by all rules; token patterns are anchored in the same
// index where their first element names a value (or a part of speech); regexes run per sentence (or per
// paragraph for rules whose scope is wider) with an ICU time limit.
#pragma once

#include <unicode/uversion.h>

#include <array>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/message.h"
#include "guide/guide.h"
#include "tokenize/analyzer.h"
#include "tonelint/status.h"

// ICU's compiled regex, declared only: <unicode/regex.h> is heavy and this header is
// read by every rule kind.
U_NAMESPACE_BEGIN
class RegexPattern;
U_NAMESPACE_END

namespace tonelint {

enum class PatternSource : std::uint8_t { kWords, kLemmas, kSwap, kTokens, kRegex };

struct Match {
  std::uint32_t sentence = 0;     // index into Analysis::sentences
  std::uint32_t token_begin = 0;  // token range in Analysis::tokens (regex: the tokens it covers)
  std::uint32_t token_end = 0;
  std::uint32_t offset = 0;       // source bytes
  std::uint32_t length = 0;
  std::uint32_t pattern = 0;      // index into the rule's list of this source (swap: which from→to)
  PatternSource source = PatternSource::kWords;
};

// Hash maps keyed by std::string that look up by std::string_view without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using KeyIndex = std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>;

class MatchIndex {
 public:
  // Compiles the patterns of `rules` (tokenizing phrases with `analyzer`). Errors: a phrase
  // that yields no token.
  // `guide_id` qualifies rule ids in warnings ("<guide>.<rule id>").
  static Result<std::unique_ptr<MatchIndex>> build(std::span<const Rule> rules, Analyzer& analyzer,
                                                   const std::string& guide_id = "");
  ~MatchIndex();  // out of line: RegexPattern is complete only in match_index.cpp

  // Matches per rule (same order as at build), each ordered by offset. Regex timeouts are
  // added to `warnings`.
  void find(const MessageView& message, std::vector<std::vector<Match>>* per_rule, std::vector<Status>* warnings) const;

  // Whether rule `rule`'s `unless` phrases excuse a finding in sentence `sentence`. Kinds
  // that report without matches (capitalization, metric, register) are excused this way.
  bool excused_by_unless(const MessageView& message, std::uint32_t rule, std::uint32_t sentence) const;

 private:
  struct Phrase {
    std::uint32_t rule;
    std::uint32_t pattern;  // index within the rule's own list of this source
    PatternSource source;
    std::vector<std::string> keys;  // one per token: its norm, or its lemma where by_lemma
    std::vector<bool> by_lemma;
    std::vector<bool> name;  // the phrase names a brand here: only a name token matches
  };
  struct CompiledTokenPattern {
    std::uint32_t rule;
    std::uint32_t pattern;
    TokenPattern elements;
  };
  struct CompiledRegex {
    std::uint32_t rule;
    std::uint32_t pattern;
    std::unique_ptr<icu::RegexPattern> regex;
    bool per_paragraph;
  };
  struct RuleInfo {
    std::string id;  // qualified, for warnings
    RuleLang lang;
    // Excusing phrases, spelled as runs of token norms (see Rule::unless).
    std::vector<std::string> unless;
    std::vector<std::string> not_followed_by;
    Scope unless_scope;
  };

  void match_phrases(const MessageView& message, std::uint32_t sentence, std::vector<std::vector<Match>>* out) const;
  void match_regexes(const MessageView& message, std::vector<std::vector<Match>>* out, std::vector<Status>* warnings) const;
  // Removes the matches of one rule that its `unless` / `not_followed_by` phrases excuse.
  void drop_excused(const MessageView& message, const RuleInfo& info, std::vector<Match>* matches) const;
  // Whether an `unless` phrase of `info` appears in the unit (its `scope`) of `sentence`.
  bool unit_has_unless(const MessageView& message, const RuleInfo& info, std::uint32_t sentence) const;

  std::vector<RuleInfo> rules_;
  std::vector<Phrase> phrases_;
  KeyIndex by_norm_;   // first key → phrases
  KeyIndex by_lemma_;
  std::vector<CompiledTokenPattern> token_patterns_;
  KeyIndex token_by_norm_;   // anchored patterns
  KeyIndex token_by_lemma_;
  KeyIndex token_by_pos_;
  // Token patterns tried at every token, by their rule's language (RuleLang): a Japanese
  // pattern is never tried on an English sentence.
  std::array<std::vector<std::uint32_t>, 3> unanchored_;
  std::vector<CompiledRegex> regexes_;
};

// The sentences, first to last, of the unit (`scope`) that sentence `sentence` belongs to.
struct SentenceRange {
  std::uint32_t first;
  std::uint32_t last;
};
SentenceRange unit_of(std::span<const AnalyzedSentence> sentences, Scope scope, std::uint32_t sentence);

// Whether a rule for `lang` looks at sentence `s` (a mixed sentence counts for both).
bool lang_applies(RuleLang lang, const Sentence& s);

// A Japanese verb, adjective or auxiliary in its dictionary form (基本形).
bool is_conjugable(const Token& t);

// Whether token `t` satisfies every constraint of `element`.
bool token_matches(const Token& t, const TokenElement& element);

// Length (in tokens) of the longest match of `pattern` starting at tokens[start], or -1.
// `taken_per_element`, when given, receives the number of tokens each element took.
int match_token_pattern(std::span<const Token> tokens, std::size_t start, const TokenPattern& pattern,
                        std::vector<std::uint32_t>* taken_per_element = nullptr);

}  // namespace tonelint
