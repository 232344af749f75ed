// What a rule kind is to the guide: a row of the kind table (rules/rule_kinds.cpp). The
// row names the kind, lists the YAML keys it reads beyond the shared ones, parses them into
// its own options, and builds its check. The row is written in the kind's own file; the
// guide and the loader know kinds only through it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "guide/guide.h"

namespace tonelint {

class RuleCheck;
struct CheckBuildContext;

// A rule kind's own options. Each kind derives its struct from this in its file and
// downcasts there: nothing else reads them.
struct KindOptions {
  virtual ~KindOptions() = default;
};

// A rule's YAML mapping as a kind's parser sees it. The loader implements it: every reader
// reports a malformed value at that value (file:line:column) and returns nothing for it, so
// a kind's parser never sees yaml-cpp.
class RuleYaml {
 public:
  virtual ~RuleYaml() = default;
  // Whether the rule writes `key` (judged by the key, so a malformed value is not also
  // reported as missing).
  virtual bool has(std::string_view key) const = 0;
  // How errors name the rule: "rule 'x'", or "rules[3]" when it has no id.
  virtual const std::string& name() const = 0;
  // The value of `key`, one of `names` (its index): "unknown <key> 'v' (did you mean ...);
  // expected one of: ..." otherwise.
  virtual std::optional<std::size_t> choice(std::string_view key, std::span<const std::string_view> names) = 0;
  // A whole number from 1 to 1e9 (min_length, min_words, ...).
  virtual std::optional<std::uint32_t> count(std::string_view key) = 0;
  // A single string or a list of strings.
  virtual std::vector<std::string> strings(std::string_view key) = 0;
  // A word list file next to the guide: its all-lowercase lines (shared between rules
  // that name the same file).
  virtual std::shared_ptr<const std::unordered_set<std::string>> word_set(std::string_view key) = 0;
  // An error at the rule's mapping.
  virtual void error(const std::string& message) = 0;

  // Whether the rule has something to match: words, lemmas, tokens, regex or a dictionary.
  bool has_pattern() const {
    return has("words") || has("lemmas") || has("tokens") || has("regex") || has("dictionary");
  }
  bool has_bound() const { return has("max") || has("min"); }
};

// One row of the kind table.
struct RuleKind {
  using ParseOptions = std::shared_ptr<const KindOptions> (*)(RuleYaml& yaml, const Rule& rule);
  using MakeCheck = std::unique_ptr<RuleCheck> (*)(const Rule& rule, std::string id, CheckBuildContext& ctx);

  std::string_view name = {};                   // as `kind:` writes it
  std::span<const std::string_view> keys = {};  // the YAML keys it reads beyond the shared ones
  // Reads `keys` and checks that the rule has what the kind needs (called once the shared
  // fields are read, with them). Null options are fine for a kind without any.
  ParseOptions parse = nullptr;
  MakeCheck make = nullptr;
  // How shared fields read for this kind.
  Scope default_scope = Scope::kMessage;  // the counting unit when `scope:` names none
  bool dictionary_swaps = false;          // `dictionary:` lines are "from<TAB>to" pairs
  bool token_rewrites = false;            // token pattern elements may carry a `rewrite`
  // The kind counts its matches (one finding for many): a match where a disable comment
  // switches the rule off is left out of the count, not only its finding.
  bool counts_matches = false;
};

}  // namespace tonelint
