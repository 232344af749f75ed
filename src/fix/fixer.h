// Applying suggestions: non-overlapping edits in one pass, a unified diff of the result;
// writing the result back is safe_write.h's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.h"
#include "fix/safe_write.h"  // write_if_unchanged
#include "tonelint/status.h"

namespace tonelint {

// The edits one fix pass makes: each diagnostic's first suggestion that fits in a text of
// `text_size` bytes, leftmost first, skipping any that overlaps one already taken. Unsafe
// suggestions only when `include_unsafe`. (The language server's "fix all" uses it too.)
std::vector<const Suggestion*> select_suggestions(std::size_t text_size, const std::vector<Diagnostic>& diagnostics,
                                                  bool include_unsafe);

// One rewrite as applied: bytes [offset, offset + length) of the text it was applied to
// (`before`) became `after`.
struct AppliedEdit {
  std::string rule;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::string before;
  std::string after;
  bool safe = true;
};

// `text` with the suggestions select_suggestions takes applied. `edits`, when given,
// receives each edit taken, in text order.
std::string apply_suggestions(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool include_unsafe,
                              int* applied, std::vector<AppliedEdit>* edits = nullptr);

// A unified diff (3 lines of context) from `before` to `after`, or "" when equal.
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after);

}  // namespace tonelint
