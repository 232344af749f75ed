// The interface every rule kind implements, and the factory that registers them. One kind,
// one class, one file: src/rules/<kind>.cpp, tested by tests/rules/<kind>_test.cpp.
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

std::unique_ptr<RuleCheck> make_existence_check(const Rule& rule, std::string id, CheckBuildContext& ctx);
std::unique_ptr<RuleCheck> make_substitution_check(const Rule& rule, std::string id, CheckBuildContext& ctx);
std::unique_ptr<RuleCheck> make_occurrence_check(const Rule& rule, std::string id, CheckBuildContext& ctx);
std::unique_ptr<RuleCheck> make_required_check(const Rule& rule, std::string id, CheckBuildContext& ctx);
std::unique_ptr<RuleCheck> make_metric_check(const Rule& rule, std::string id, CheckBuildContext& ctx);
std::unique_ptr<RuleCheck> make_register_check(const Rule& rule, std::string id, CheckBuildContext& ctx);
std::unique_ptr<RuleCheck> make_capitalization_check(const Rule& rule, std::string id, CheckBuildContext& ctx);

// The registry: the check for a rule of any kind.
std::unique_ptr<RuleCheck> make_rule_check(const Rule& rule, const std::string& guide_id, CheckBuildContext& ctx);

// Helpers shared by kinds.
std::string format_number(double value);
// Drops matches that overlap an earlier kept one (leftmost, then longest, wins).
std::vector<Match> without_overlaps(std::span<const Match> matches);

}  // namespace tonelint
