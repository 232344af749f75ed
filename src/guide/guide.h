// A tone guide as loaded from YAML: the voice (rules always on) and the tones (context
// adjustments). Immutable once loaded, so one Guide is shared by every thread.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "tonelint/status.h"

namespace tonelint {

// The four context dimensions, in the order DESIGN.md lists them.
enum class Dimension : std::uint8_t { kChannel, kSituation, kAudience, kEmotion };
inline constexpr std::array<const char*, 4> kDimensionNames = {"channel", "situation", "audience", "emotion"};
inline constexpr std::size_t kDimensionCount = kDimensionNames.size();

// A draft's context: one value per dimension (empty = not set).
struct Context {
  std::array<std::string, kDimensionCount> values;
  const std::string& operator[](Dimension d) const { return values[static_cast<std::size_t>(d)]; }
  std::string& operator[](Dimension d) { return values[static_cast<std::size_t>(d)]; }
};

enum class Level : std::uint8_t { kError, kWarning, kSuggestion };
const char* level_name(Level level);

// A rule kind: a row of the kind table (guide/rule_kind.h, rules/rule_kinds.cpp), and the
// options its parser read for one rule.
struct RuleKind;
struct KindOptions;
const char* rule_kind_name(const RuleKind* kind);

enum class RuleLang : std::uint8_t { kAny, kJa, kEn };
// Where a text run comes from, as a rule's `scope: [..]` names it. Extractors record these:
// block kinds (block_kind_name), a quote around a block, and inline spans (link text, an
// inline image's alt text).
inline constexpr std::array<const char*, 8> kMarkupScopes = {"paragraph", "heading",  "list_item", "table_cell",
                                                             "blockquote", "alt_text", "link_text", "subject"};
enum class Scope : std::uint8_t { kMessage, kParagraph, kSentence };
// Whether a rule looks at words the writer mentions rather than uses: quoted words, the
// items of a "words to avoid" list, 「〜のような表現」 (lint/mentions.h). Most rules judge
// the writer's own words and skip them; a rule about quoting itself checks them.
enum class MentionPolicy : std::uint8_t { kSkip, kCheck };

// Where a value came from, for errors and for `tonelint explain`.
struct Origin {
  std::string path;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string entry;  // "rules[3]", "tones[0]", "extends: company.yaml rules[1]"
};

// One element of a token pattern: constraints on one token's fields. Each field lists
// accepted values (any of them); `negate` inverts the whole element.
// The token fields a pattern can test, in the order of kTokenFieldNames.
// `kind` tests the token kind (word, emoji, kaomoji, punct, ...), so one pattern can count
// emoji and 顔文字 alike.
enum class TokenField : std::uint8_t { kSurface, kNorm, kLemma, kPos, kPos1, kPos2, kPos3, kCtype, kCform, kReading, kKind };
inline constexpr std::array<const char*, 11> kTokenFieldNames = {"surface", "norm",  "lemma", "pos",     "pos1", "pos2",
                                                                 "pos3",    "ctype", "cform", "reading", "kind"};

struct TokenConstraint {
  TokenField field = TokenField::kSurface;  // resolved once, at load time
  std::vector<std::string> values;
  bool negate = false;  // "!value" in YAML: anything but these
};
struct TokenElement {
  std::vector<TokenConstraint> constraints;  // all must hold
  std::uint8_t min = 1;  // {?: true} → 0..1, {+: true} → 1..n, {*: true} → 0..n
  std::uint8_t max = 1;  // 255 = unbounded
  // substitution: what the tokens this element matched become. When both end in a
  // conjugable word, the rewrite takes their 活用形 (れ → られ before ます).
  std::optional<std::string> rewrite;
};
using TokenPattern = std::vector<TokenElement>;

// One of a rule's examples. `format` puts the text in its markup, so a rule limited to
// headings, link text or the subject can be shown where it looks; `fixed` (bad examples
// only) is the text after the rule's own safe rewrites, as `--fix` would leave it.
struct RuleExample {
  std::string text;
  std::string format;                // an input format name or alias; empty: plain text
  std::optional<std::string> fixed;
  std::uint32_t line = 0, column = 0;  // where the example is written in the guide
};

struct Rule {
  std::string id;  // without the guide prefix
  const RuleKind* kind = nullptr;  // a row of the kind table; set by the loader
  RuleLang lang = RuleLang::kAny;
  Level level = Level::kWarning;
  std::string message;
  std::string why;
  // Why the rule has its level: what the finding costs the reader. Empty when the guide
  // gives none (`tonelint test` lists such rules).
  std::string level_why;
  std::string category;  // for per-category scores (empathy, clarity, ...); default: the kind
  bool fix_safe = true;  // `fix: safe|unsafe`

  std::vector<std::string> words;
  std::vector<std::string> lemmas;
  std::vector<TokenPattern> tokens;
  std::vector<std::string> regex;
  std::vector<std::pair<std::string, std::string>> swap;  // from → to, in file order
  // Indexes into `swap` of the pairs whose rewrite may change a fact (a dictionary line's
  // third column `unsafe`: "master branch" may be the branch's name): offered, never safe.
  std::vector<std::size_t> unsafe_swaps;
  // Phrases that excuse a match: `unless` anywhere in the same sentence (or the rule's
  // `scope` when given), `not_followed_by` later in the same clause (up to the next
  // punctuation mark) — 「操作ミスではありません」 is not blame.
  std::vector<std::string> unless;
  std::vector<std::string> not_followed_by;

  std::optional<double> max;
  std::optional<double> min;
  Scope scope = Scope::kMessage;
  bool scope_set = false;  // `scope:` given: regexes may then match across sentences
  // `scope: [subject, heading]` (a list): the markup the rule looks at; `"!heading"` entries
  // name markup it skips. Names are those of kMarkupScopes. Empty: everywhere.
  std::vector<std::string> markup_scopes;
  bool markup_excludes = false;
  MentionPolicy mentions = MentionPolicy::kSkip;  // `mentions: skip|check`
  // What the kind's own keys said (metric, style, position, ...), as the kind's parser
  // read them; null for a kind without options. Immutable and shared, so copies of the
  // rule for each context cost nothing.
  std::shared_ptr<const KindOptions> options;

  std::vector<RuleExample> bad_examples;
  std::vector<RuleExample> good_examples;

  Origin origin;                          // where the rule is defined
  std::map<std::string, Origin> set_by;   // field → the tone entry that last set it
};

struct ToneEntry {
  // Values allowed per dimension; a dimension not named matches anything.
  std::array<std::vector<std::string>, kDimensionCount> when;
  int specificity = 0;  // number of dimensions named
  // Overrides of voice rules by id: field name → YAML scalar text (or list for words).
  struct Override {
    std::string rule_id;
    bool off = false;
    std::optional<Level> level;
    std::optional<std::string> level_why;  // only with `level`: the reason for that level here
    std::optional<double> max;
    std::optional<double> min;
    std::optional<std::string> message;
    std::optional<Scope> scope;
    Origin origin;
  };
  std::vector<Override> set;
  std::vector<Rule> rules;  // rules that exist only in this context
  Origin origin;
};

struct Guide {
  std::string id;
  std::string path;
  std::vector<std::string> languages;
  std::array<std::vector<std::string>, kDimensionCount> allowed;  // context values per dimension
  Context defaults;
  std::vector<Rule> rules;  // the voice
  std::vector<ToneEntry> tones;

  bool allows(Dimension d, const std::string& value) const;
  // The rule named `id`, bare ("shouchi") or qualified ("tonelint.shouchi"): a voice rule,
  // else the first tone-only rule of that id. Null when the guide has none.
  const Rule* find_rule(std::string_view id) const;
};

}  // namespace tonelint
