#include "lsp/document_config.h"

#include <filesystem>

namespace tonelint::lsp {

DocumentConfig resolve_document_config(const ConfigInputs& inputs, const std::function<std::string()>& shipped_guide) {
  DocumentConfig out;
  // As `tonelint check` does for a file named on its command line: the nearest config
  // above the file governs it. An unsaved buffer has no place, so the workspace's does.
  std::error_code ec;
  const std::filesystem::path where = inputs.file_path        ? std::filesystem::path(*inputs.file_path)
                                      : inputs.workspace_root ? std::filesystem::path(*inputs.workspace_root)
                                                              : std::filesystem::current_path(ec);
  ConfigFinder finder(inputs.config_override);  // new each time: configs are not cached across edits
  auto governing = finder.for_path(where);
  if (!governing.ok()) {
    out.error = governing.status().to_string();
    return out;
  }
  out.config = *governing;
  if (out.config) {
    out.min_level = out.config->min_level();
    if (inputs.file_path) {
      if (const auto relative = out.config->relative(*inputs.file_path)) {
        out.excluded = out.config->excludes(*relative);
        out.context = out.config->context_for(*relative).context;
      }
    }
  }
  out.guide_path = inputs.guide_override;
  if (out.guide_path.empty() && out.config) out.guide_path = out.config->guide();
  if (out.guide_path.empty()) out.guide_path = shipped_guide();
  if (out.guide_path.empty()) out.error = "no guide found: pass --guide FILE or add 'guide:' to a .tonelint.yaml";
  return out;
}

}  // namespace tonelint::lsp
