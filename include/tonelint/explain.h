// The public C++ API: why a rule is in force. For a guide and a context, the rules that
// apply with their effective settings, and which entry of the guide set each of them —
// what an editor shows when asked "why this rule?", and what `tonelint explain` prints.
//
//   auto load = tonelint::GuideFile::load("rules/tonelint.yaml");
//   auto explanation = tonelint::explain(*load.guide, {{"channel", "chat"}});
//   for (const tonelint::ExplainedRule& r : explanation->rules) std::cout << r.rule << '\n';
//
// No exception crosses the API.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tonelint/checker.h"
#include "tonelint/guide_file.h"
#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

// An entry of the guide: "rules[3]", "tones[0]", "extends: company.yaml rules[1]", with
// the file, line and column it starts at (line 0: not known).
struct GuideEntry {
  std::string entry;
  std::string path;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  // "tones[0] (rules/tonelint.yaml:12:3)", or the entry alone when its file is not known.
  std::string to_string() const;
};

struct ExplainedRule {
  std::string rule;     // "<guide>.<rule id>"
  std::string kind;     // existence, substitution, occurrence, required, metric, ...
  std::string lang;     // ja, en, any
  Severity level = Severity::kWarning;
  std::string message;
  std::string why;      // empty when the guide gives none
  // Why the rule has this level in this context (the voice's reason, or the reason of the
  // tone that set the level); empty when the guide gives none.
  std::string level_why;
  std::optional<double> max;
  std::optional<double> min;
  std::string scope;    // message, paragraph, sentence
  std::vector<std::string> markup;  // markup it looks at; "!heading": markup it skips
  std::string mentions = "skip";    // skip: quoted and listed words are not checked; check: they are
  GuideEntry defined;               // where the rule is defined
  // Each setting a tone changed → the tone entry that last set it, by field name.
  std::vector<std::pair<std::string, GuideEntry>> set_by;
};

struct TurnedOffRule {
  std::string rule;  // "<guide>.<rule id>"
  GuideEntry by;     // the tone entry that set `off: true`
};

struct Explanation {
  std::string guide;  // the guide's id
  std::string path;   // its file
  // The complete context, per dimension in the guide's order; source is "flag" (given)
  // or "guide default".
  std::vector<ContextValue> context;
  std::vector<GuideEntry> tones;     // the tone entries applied, in the order applied
  std::vector<ExplainedRule> rules;  // the rules in force
  std::vector<TurnedOffRule> off;    // rules a tone turned off in this context
};

// `context`: values by dimension name, as CheckOptions::context; a dimension left out
// takes the guide's default. Unknown dimensions and values are kInvalidArgument errors
// (with "did you mean" for values).
Result<Explanation> explain(const GuideFile& guide, const std::map<std::string, std::string>& context);
Result<Explanation> explain(const ToneGuide& guide, const std::map<std::string, std::string>& context);

// What `tonelint explain --format json` prints (without the final newline).
std::string to_json(const Explanation& explanation);
// What `tonelint explain` prints: the context, the tones applied, each rule in force with
// the entry behind each of its settings, and the rules turned off.
std::string to_text(const Explanation& explanation);

}  // namespace tonelint
