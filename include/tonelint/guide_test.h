// The public C++ API: a guide proves its rules on their own examples. A bad example must
// be reported by its rule; a good one by no rule of level warning or error in force in the
// rule's context. For a CI step guarding a guide; `tonelint test` prints this.
//
//   auto load = tonelint::GuideFile::load("rules/tonelint.yaml");
//   auto report = tonelint::test_guide(*load.guide, *tonelint::Dictionaries::load());
//   if (report->failed() > 0) return 1;
//
// No exception crosses the API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tonelint/guide_file.h"
#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

enum class RuleTestOutcome : std::uint8_t { kPassed, kFailed, kNoExamples };

// An example that did not behave.
struct ExampleFailure {
  std::string example;
  bool bad = false;  // a bad example (expected to be reported); else a good one
  // "bad example not reported", "good example reported by <rule>: "<match>" (<message>)",
  // or why the example could not be analysed.
  std::string problem;
};

struct RuleTestResult {
  std::string rule;  // "<guide>.<rule id>"
  RuleTestOutcome outcome = RuleTestOutcome::kPassed;
  std::string path;  // where the rule is defined
  std::uint32_t line = 0;
  std::size_t examples = 0;  // good and bad
  // kFailed: the rule could not be compiled in its context (then `failures` is empty)...
  std::string error;
  // ...or these examples misbehaved (bad ones first, in the guide's order).
  std::vector<ExampleFailure> failures;
};

// A level the guide does not explain: a rule without `level_why`, or a tone's `set:` that
// changes a rule's level without one. Listed, never a failure, so older guides still pass.
struct MissingLevelReason {
  std::string rule;   // "<guide>.<rule id>"
  std::string entry;  // where the level is given: "rules[3]", "tones[2]" (its `set:`)
  std::string path;
  std::uint32_t line = 0;
};

struct GuideTestReport {
  std::string guide;  // the guide's id
  // The voice rules, then each tone's own rules, in the guide's order.
  std::vector<RuleTestResult> rules;
  // Levels without a reason, in the same order, each tone's `set:` after its own rules.
  std::vector<MissingLevelReason> without_level_reason;

  std::size_t passed() const;
  std::size_t failed() const;
  std::size_t without_examples() const;
};

// Errors only when no analyser can be made (the dictionaries); a rule that fails is a
// result, not an error.
Result<GuideTestReport> test_guide(const GuideFile& guide, std::shared_ptr<const Dictionaries> dictionaries);
Result<GuideTestReport> test_guide(const ToneGuide& guide);

// What `tonelint test` prints: one line a rule (✓, ✗ with the failures, or "- ... no
// examples"), a "? ... no level reason" line for each level without one, then
// "N passed, M failed[, K without examples][, L levels without a reason]".
std::string to_text(const GuideTestReport& report);

}  // namespace tonelint
