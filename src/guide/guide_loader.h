// Loads a tone guide from YAML and checks it: unknown keys, kinds and context values,
// duplicate ids, invalid regexes, `set:` naming a missing rule, missing fields. Every
// error names file:line:column, with "did you mean" where a near miss exists. A guide
// with any error is not returned: a broken guide never lints anything.
#pragma once

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

// Loads `path`, following `extends:` (relative to the file) and word-list files.
GuideLoad load_guide_file(const std::string& path);

// Loads YAML text; `path` names it in errors and anchors relative paths.
GuideLoad load_guide_text(std::string_view yaml, const std::string& path);

// Checks a context against the guide's allowed values, filling unset dimensions from the
// guide's defaults. Unknown values are errors (with "did you mean").
Result<Context> complete_context(const Guide& guide, const Context& requested);

}  // namespace tonelint
