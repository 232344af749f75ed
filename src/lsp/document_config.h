// What decides how a document is linted, apart from its own text: the guide, and context
// values from outside the document. Every lint asks resolve_document_config, the one place
// where repository configuration enters the language server.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "guide/guide.h"

namespace tonelint::lsp {

// Finds the guide for `inputs` as `tonelint check` does: `requested` when given, else the
// `guide:` of the nearest .tonelint.yaml above the first input, else the shipped guide.
// Empty, with `why`, when there is none or the config is broken. (src/cli's find_guide,
// handed in so src/lsp does not depend on the CLI.)
using GuideFinder =
    std::function<std::string(const std::string& requested, const std::vector<std::string>& inputs, std::string* why)>;

struct DocumentConfig {
  std::string guide_path;  // empty when `error` says why there is none
  std::string error;
  // Context values that override the document's front matter, as --channel etc. do for
  // `tonelint check`. None yet: a repository config's path → context mapping will rank
  // below front matter, which LintSession::lint's flags cannot express.
  Context context;
};

struct ConfigInputs {
  std::string guide_override;           // --guide, else the client's initializationOptions.guide
  std::optional<std::string> file_path;  // the document's path; none for an unsaved buffer
  std::optional<std::string> workspace_root;
};

DocumentConfig resolve_document_config(const ConfigInputs& inputs, const GuideFinder& find_guide);

}  // namespace tonelint::lsp
