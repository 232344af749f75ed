// The public C++ API, part 2: checking and fixing drafts against a loaded ToneGuide.
//
//   auto checker = tonelint::Checker::create(guide);        // shared_ptr<const ToneGuide>
//   tonelint::CheckOptions options;
//   options.context = {{"channel", "chat"}, {"emotion", "upset"}};
//   auto result = checker->check("申し訳ございません！", options);
//   for (const tonelint::Finding& f : result->findings) ...
//   std::string json = tonelint::to_json(*result);          // DESIGN.md's JSON report
//
// A Checker is thread-safe: any number of threads may call check() and fix() on one
// instance at once. Each call borrows one of the checker's per-thread analysers (MeCab
// tagger, ICU breakers) for its duration, so no analyser is ever used by two threads;
// the rules compiled for a context are compiled once and shared by all of them (up to
// CheckerOptions::compiled_contexts contexts, so memory stays bounded).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

struct CheckState;  // the library's own

enum class Severity : std::uint8_t { kError, kWarning, kSuggestion };
const char* severity_name(Severity severity);  // "error", "warning", "suggestion"

struct CheckOptions {
  // The text's format: "text", "markdown" (or "md"), "mdx", and, where the build has them,
  // "html" and "email". Empty: from `filename`'s extension, plain text when it has none.
  std::string format;
  // Context values by dimension name, e.g. {"channel": "chat", "emotion": "upset"}. A
  // dimension left out comes from the text's front matter (Markdown), else the guide's
  // default. Unknown dimensions and values are errors.
  std::map<std::string, std::string> context;
  // The name to report (and, without `format`, whose extension picks the format).
  // Empty: "<text>".
  std::string filename;
};

struct Rewrite {
  std::string text;          // replacement for bytes [offset, offset + length)
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  bool safe = true;          // applied by FixMode::kSafe; unsafe ones need kAll
};

// Another place of the same finding: the other occurrences an occurrence rule counted.
struct RelatedLocation {
  std::uint32_t offset = 0;  // bytes of the checked text
  std::uint32_t length = 0;
  std::uint32_t line = 1, column = 1;          // as Finding's
  std::uint32_t end_line = 1, end_column = 1;
  std::string message;                         // what the place is, briefly: "'!' 1/3"
};

struct Finding {
  std::string rule;  // "<guide>.<rule id>"
  Severity level = Severity::kWarning;
  std::string message;
  std::uint32_t offset = 0;  // bytes of the checked text
  std::uint32_t length = 0;
  std::uint32_t line = 1, column = 1;          // 1-based; columns in code points
  std::uint32_t end_line = 1, end_column = 1;  // end_column is exclusive
  std::string match;                           // the matched text
  std::vector<Rewrite> suggestions;            // the first is the rule's preferred rewrite
  std::string origin;                          // the guide entry: "rules[2]", "tones[0]"
  std::vector<RelatedLocation> related;        // in text order; empty for most findings
};

struct ContextValue {
  std::string dimension;
  std::string value;
  // "flag" (given in CheckOptions), "front matter", "guide default", or (a Workspace check)
  // "config"; DocumentCheck::context (workspace.h) names the config file and pattern too.
  std::string source;
};

// Findings counted by level.
struct FindingCounts {
  std::size_t errors = 0, warnings = 0, suggestions = 0;
  std::size_t total() const { return errors + warnings + suggestions; }
  // How many are `threshold` or more severe.
  std::size_t at_or_above(Severity threshold) const {
    return errors + (threshold != Severity::kError ? warnings : 0) + (threshold == Severity::kSuggestion ? suggestions : 0);
  }
};

struct CheckResult {
  std::string guide;                  // the guide's id
  std::vector<ContextValue> context;  // the context the text was checked in, per dimension
  int score = 100;                    // tone score, 0-100
  std::size_t sentences = 0;
  std::vector<Finding> findings;      // ordered by offset
  // Findings past the bound a Workspace check keeps (CheckRequest::keep_at_most): counted,
  // not in `findings`.
  FindingCounts dropped;
  // Problems that did not stop the check (a regex stopped by its time limit), naming the
  // file, line and rule.
  std::vector<Status> warnings;

  // What to_json reads: the checked text and the engine's report (opaque).
  std::shared_ptr<const CheckState> state;
};

enum class FixMode : std::uint8_t { kSafe, kAll };

struct FixEdit {
  int pass = 1;  // edits are applied in passes (a fix can reveal another); offsets are
                 // bytes of the text as it stood before that pass
  std::string rule;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::string before;  // the bytes replaced
  std::string after;   // their replacement
  bool safe = true;
};

struct FixResult {
  std::string text;             // the text with the rewrites applied (unchanged if none)
  std::vector<FixEdit> edits;   // in pass order, then text order
  CheckResult remaining;        // the findings of `text`
};

struct CheckerOptions {
  // Contexts whose compiled rules are kept (least recently used dropped first). Each costs
  // a few hundred KB; a context not kept is compiled again (milliseconds) when next used.
  std::size_t compiled_contexts = 128;
};

class Checker {
 public:
  static Result<Checker> create(std::shared_ptr<const ToneGuide> guide, const CheckerOptions& options = {});

  // Checks UTF-8 `text`. Errors (ErrorCode::kInvalidArgument, kInvalidUtf8, kParse) say
  // where: Location::path names the option ("context.channel", "format") or, for the
  // text itself, the filename, with line and column.
  Result<CheckResult> check(std::string_view text, const CheckOptions& options = {}) const;

  // Applies the suggested rewrites (safe ones, or all), re-checking after each pass,
  // for a bounded number of passes: the same loop as `tonelint check --fix`.
  Result<FixResult> fix(std::string_view text, const CheckOptions& options = {}, FixMode mode = FixMode::kSafe) const;

  const ToneGuide& guide() const;
  const std::shared_ptr<const ToneGuide>& guide_ptr() const;

  Checker(Checker&&) noexcept;
  Checker& operator=(Checker&&) noexcept;
  ~Checker();

  struct Impl;  // the library's own
  Impl& impl() const { return *impl_; }

 private:
  explicit Checker(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// DESIGN.md's JSON report of one checked text: {"files": [{...}], "summary": {...}},
// byte for byte what `tonelint check --format json` prints for the same text and context.
// Never throws: should the report fail to build (memory), the result is
// {"error": {"message": ..., "code": "internal"}} instead.
std::string to_json(const CheckResult& result);
// {"text": fixed text, "applied": n, "edits": [...], "files": [...], "summary": {...}}:
// the report of the fixed text, with the edits that made it.
std::string to_json(const FixResult& result);

}  // namespace tonelint
