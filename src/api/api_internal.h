// What the public API's opaque parts hold: the engine's own objects.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lint/session.h"
#include "guide/guide.h"
#include "load/guide_loader.h"
#include "input/source_text.h"
#include "tokenize/mecab_model.h"
#include "tonelint/checker.h"
#include "util/enum_names.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

struct Dictionaries::Impl {
  std::shared_ptr<const MecabModel> model;
  std::vector<Status> warnings;
};

struct ToneGuide::Impl {
  std::shared_ptr<const Guide> guide;
  std::shared_ptr<const Dictionaries> dictionaries;
  std::vector<ContextDimension> dimensions;
};

struct CheckState {
  std::unique_ptr<SourceText> source;  // the text as checked
  FileReport report;
  int fixes = 0;  // rewrites that made `source` (fix results)
};

// A ToneGuide from a guide the loader built; `load` must be ok.
std::shared_ptr<const ToneGuide> make_tone_guide(std::shared_ptr<const Guide> guide,
                                                 std::shared_ptr<const Dictionaries> dictionaries);

// ToneGuide::load's error for a guide that failed to load: the first error's place, every
// other error in the message, one a line.
Status guide_load_status(const GuideLoad& load, const std::string& path);

// The public levels by name, as --min-level, --fail-on and reports write them.
inline constexpr EnumNames<Severity, 3> kSeverityNames = {
    {{Severity::kError, "error"}, {Severity::kWarning, "warning"}, {Severity::kSuggestion, "suggestion"}}};

Severity severity_of(Level level);
Level engine_level(Severity severity);

// What the workspace adds to a plain Checker::check: the config's context for the path
// (front matter wins over it) and the least severe level kept.
struct CheckExtras {
  Context configured;
  Level min_level = Level::kSuggestion;
  std::size_t keep_at_most = static_cast<std::size_t>(-1);
  bool fixing = false;  // fix_with's own: its lints keep every finding
  bool with_findings = true;  // false: CheckResult::findings left empty (see CheckRequest)
};

// Which step refused the text: loading it (encoding, binary) or checking it (front
// matter, a context value, its size).
enum class TextFault : std::uint8_t { kNone, kInput, kCheck };

Result<CheckResult> check_with(const Checker& checker, std::string_view text, const CheckOptions& options,
                               const CheckExtras& extras, TextFault* fault);
Result<FixResult> fix_with(const Checker& checker, std::string_view text, const CheckOptions& options, FixMode mode,
                           const CheckExtras& extras, TextFault* fault);

}  // namespace tonelint
