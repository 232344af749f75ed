// Loads a tone guide from YAML and checks it: unknown keys, kinds and context values,
// duplicate ids, invalid regexes, `set:` naming a missing rule, missing fields. Every
// error names file:line:column, with "did you mean" where a near miss exists. A guide
// with any error is not returned: a broken guide never lints anything.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "guide/guide.h"
#include "tonelint/status.h"

namespace tonelint {

struct GuideLoad {
  std::shared_ptr<const Guide> guide;  // null when there are errors
  std::vector<Status> errors;          // every problem found, in file order
  bool ok() const { return guide != nullptr; }
};

// Limits on what a guide may take: a guide file, a word file (`dictionary:`, `lexicon:`),
// one line of a word file, and how many guides an `extends:` chain may hold. The chain is
// followed in a loop, not by recursion, so even a chain of thousands of files is refused
// cleanly at the `extends:` that goes too deep.
inline constexpr std::size_t kMaxGuideBytes = std::size_t{16} << 20;
inline constexpr std::size_t kMaxWordFileBytes = std::size_t{32} << 20;
inline constexpr std::size_t kMaxWordLineBytes = 4096;
inline constexpr std::size_t kMaxExtendsDepth = 64;

class GuideCache;

// Loads `path`, following `extends:` (relative to the file) and word-list files. With a
// cache, a guide or lexicon already loaded from the same bytes is shared, not rebuilt.
GuideLoad load_guide_file(const std::string& path, GuideCache* cache = nullptr);

// Loads YAML text; `path` names it in errors and anchors relative paths.
GuideLoad load_guide_text(std::string_view yaml, const std::string& path, GuideCache* cache = nullptr);

// Supplies the bytes of the guide file at `path` that an `extends:` names. The default
// reads the file (a regular file of at most kMaxGuideBytes); the fuzz harness answers from
// memory, so that one input can make a chain as long as the bound. Either way the bytes
// are checked (UTF-8, no NUL) before they are parsed.
using GuideReader = std::function<Result<std::string>(const std::string& path)>;
GuideLoad load_guide_text(std::string_view yaml, const std::string& path, GuideCache* cache, const GuideReader& read);

// Checks a context against the guide's allowed values, filling unset dimensions from the
// guide's defaults. Unknown values are errors (with "did you mean").
Result<Context> complete_context(const Guide& guide, const Context& requested);

}  // namespace tonelint
