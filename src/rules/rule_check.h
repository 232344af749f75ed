// The interface every rule kind's check implements. One kind, one file: src/rules/<kind>.cpp
// holds its options, their parser, its check and the row that registers them
// (rules/rule_kinds.cpp); tests/fixtures/rules/<kind>.yaml proves it.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "engine/match_index.h"
#include "engine/message.h"
#include "guide/guide.h"
#include "guide/rule_kind.h"
#include "tokenize/analyzer.h"

namespace tonelint {

class RuleCheck {
 public:
  RuleCheck(const Rule& rule, std::string qualified_id);
  virtual ~RuleCheck() = default;

  const Rule& rule() const { return rule_; }
  const std::string& id() const { return id_; }

  // Reports what the rule finds in `message`; `matches` are its patterns' matches there,
  // ordered by offset.
  virtual void check(const MessageView& message, std::span<const Match> matches, FindingSink* out) const = 0;

 protected:
  // A diagnostic for this rule at [offset, offset+length) of the source, with the
  // message's {match}, {max}, {min} and any `vars` ({to}, {count}, {value}) filled in.
  Diagnostic report(const MessageView& message, std::uint32_t offset, std::uint32_t length,
                    std::span<const std::pair<std::string_view, std::string>> vars = {}) const;

 private:
  Rule rule_;
  std::string id_;
  std::string origin_;
};

// Kind-specific set-up that needs the analyzer (e.g. tokenizing rewrites).
struct CheckBuildContext {
  Analyzer& analyzer;
};

// The check for a rule of any kind, built by its kind's row (rules/rule_kinds.h).
std::unique_ptr<RuleCheck> make_rule_check(const Rule& rule, const std::string& guide_id, CheckBuildContext& ctx);

// Helpers shared by kinds.
std::string format_number(double value);
// Drops matches that overlap an earlier kept one (leftmost, then longest, wins).
std::vector<Match> without_overlaps(std::span<const Match> matches);

}  // namespace tonelint
