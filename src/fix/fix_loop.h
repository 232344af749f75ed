// The --fix loop shared by the CLI, the library and the service: apply the rewrites,
// check again, repeat (a fix can reveal or unblock another), for a bounded number of passes.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "lint/session.h"
#include "fix/fixer.h"
#include "input/source_text.h"

namespace tonelint {

inline constexpr int kMaxFixPasses = 5;

struct FixPass {
  std::vector<AppliedEdit> edits;  // offsets into the text as it stood before this pass
};

struct FixOutcome {
  std::unique_ptr<SourceText> source;  // the fixed text; null when nothing changed
  FileReport report;                   // its findings (when `source` is set)
  int applied = 0;                     // edits applied over all passes
  std::vector<FixPass> passes;         // the passes that changed the text, in order
};

// Re-checks a rewritten text (in the same context, with the same filters as the first check).
using Recheck = std::function<Result<FileReport>(const SourceText&)>;

// Applies the suggestions of `first` (the findings of `original`) and re-checks until no
// edit applies, the text stops changing, or `max_passes` is reached. A pass whose result
// cannot be re-checked is dropped, and the loop stops with the text before it.
FixOutcome fix_until_stable(const SourceText& original, const FileReport& first, bool include_unsafe,
                            const Recheck& recheck, int max_passes = kMaxFixPasses);

}  // namespace tonelint
