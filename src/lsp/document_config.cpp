#include "lsp/document_config.h"

namespace tonelint::lsp {

DocumentConfig resolve_document_config(const ConfigInputs& inputs, const GuideFinder& find_guide) {
  DocumentConfig config;
  // The search for .tonelint.yaml starts at the file; an unsaved buffer has none, so it
  // starts at the workspace (find_guide falls back to the working directory).
  std::vector<std::string> from;
  if (inputs.file_path) {
    from.push_back(*inputs.file_path);
  } else if (inputs.workspace_root) {
    from.push_back(*inputs.workspace_root);
  }
  config.guide_path = find_guide(inputs.guide_override, from, &config.error);
  if (config.guide_path.empty() && config.error.empty()) config.error = "no tone guide found";
  return config;
}

}  // namespace tonelint::lsp
