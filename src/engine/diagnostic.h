// A finding: which rule, where (byte offsets into the original file), what to say, and
// the edits that would fix it. Lines and columns are computed at the edge (reporting).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "guide/guide.h"

namespace tonelint {

struct Suggestion {
  std::uint32_t offset = 0;  // bytes of the original file to replace
  std::uint32_t length = 0;
  std::string text;          // replacement
  bool safe = true;          // applied by --fix (unsafe ones need --fix=all)
};

// Another place that belongs to the same finding: the other occurrences of a pattern an
// occurrence rule counted in one message.
struct RelatedSpan {
  std::uint32_t offset = 0;  // bytes of the original file
  std::uint32_t length = 0;
  std::string message;       // what the place is, briefly ("'!' (1 of 3)")
};

// Related places a finding lists at most; past them its message still gives the count.
inline constexpr std::size_t kMaxRelatedSpans = 100;

struct Diagnostic {
  std::string rule;  // "<guide>.<rule id>"
  Level level = Level::kWarning;
  std::string message;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::string match;  // the matched text, as in the file
  std::vector<Suggestion> suggestions;
  std::string origin;  // the guide entry that made the rule what it is: "rules[2]", "tones[0]"
  std::string category;  // the rule's category, for scores
  std::vector<RelatedSpan> related;  // in source order; empty for most findings
};

// Findings counted by level.
struct LevelCounts {
  int errors = 0, warnings = 0, suggestions = 0;
  void add(Level level) { (level == Level::kError ? errors : level == Level::kWarning ? warnings : suggestions) += 1; }
  void add(const LevelCounts& other) {
    errors += other.errors;
    warnings += other.warnings;
    suggestions += other.suggestions;
  }
  int total() const { return errors + warnings + suggestions; }
  // How many are `threshold` or more severe.
  int at_or_above(Level threshold) const {
    return errors + (threshold != Level::kError ? warnings : 0) + (threshold == Level::kSuggestion ? suggestions : 0);
  }
};

// Where a rule check puts what it finds. The engine's sink sifts each finding (markup
// scope, `unless`, suppression comments), scores it, and keeps it or only counts it, so a
// draft with millions of findings never holds them all.
class FindingSink {
 public:
  virtual ~FindingSink() = default;
  virtual void push_back(Diagnostic d) = 0;
};

}  // namespace tonelint
