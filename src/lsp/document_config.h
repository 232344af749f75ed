// What decides how a document is linted, apart from its own text: the guide, and what the
// repository config (.tonelint.yaml, src/config/) says about the document's path. Every
// lint asks resolve_document_config, the one place configuration enters the server, and
// asks it afresh, so an edited .tonelint.yaml counts from the next lint on.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "config/repo_config.h"
#include "guide/guide.h"

namespace tonelint::lsp {

struct ConfigInputs {
  std::string guide_override;            // --guide, else the client's initializationOptions.guide
  std::string config_override;           // --config: one config for every document
  std::optional<std::string> file_path;  // the document's path; none for an unsaved buffer
  std::optional<std::string> workspace_root;
};

struct DocumentConfig {
  std::string guide_path;  // empty when `error` says why there is none
  std::string error;       // a broken config, or no guide at all
  std::shared_ptr<const RepoConfig> config;  // the governing config, or null
  // The config's `contexts:` for this path; front matter wins over it.
  Context context;
  std::optional<Level> min_level;  // the config's: findings less severe are not shown
  bool excluded = false;           // the config's `exclude:` covers the document
};

// `shipped_guide` gives the guide that ships with tonelint (empty when missing); it is
// handed in so src/lsp does not depend on the CLI.
DocumentConfig resolve_document_config(const ConfigInputs& inputs, const std::function<std::string()>& shipped_guide);

}  // namespace tonelint::lsp
