#include "fix/fix_loop.h"

namespace tonelint {

FixOutcome fix_until_stable(const SourceText& original, const FileReport& first, bool include_unsafe,
                            const Recheck& recheck, int max_passes) {
  FixOutcome outcome;
  const FileReport* findings = &first;
  for (int pass = 0; pass < max_passes; ++pass) {
    const SourceText& text = outcome.source ? *outcome.source : original;
    int applied = 0;
    FixPass record;
    std::string updated = apply_suggestions(text.bytes(), findings->result.diagnostics, include_unsafe, &applied,
                                            &record.edits);
    if (applied == 0 || updated == text.bytes()) break;
    auto next = load_source_bytes(std::move(updated), original.path());
    if (!next.ok()) break;  // a rewrite never makes invalid UTF-8, but never keep one either
    auto next_report = recheck(**next);
    if (!next_report.ok()) break;
    outcome.applied += applied;
    outcome.passes.push_back(std::move(record));
    outcome.source = std::move(*next);
    outcome.report = std::move(*next_report);
    findings = &outcome.report;
  }
  return outcome;
}

}  // namespace tonelint
