// Which files a run checks, and under which config: paths named on the command line,
// folders walked (hidden folders, .gitignore'd paths and the config's `exclude` skipped,
// `include` or the draft extensions taken), and lists of candidates (--files-from).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/repo_config.h"
#include "tonelint/status.h"

namespace tonelint {

struct PlannedDraft {
  std::string path;                          // as given or found; "-" is stdin
  std::shared_ptr<const RepoConfig> config;  // the governing config, or null
  ConfigContext context;                     // what the config's `contexts` give it
};

struct DraftPlan {
  std::vector<PlannedDraft> drafts;
  std::vector<std::string> notes;  // paths left out, and why (for stderr)
  // Folders that could not be walked (nested deeper than a path can name, or unreadable in
  // the middle of the walk): the drafts in them are not checked, so the run exits 2.
  std::vector<Status> unreachable;
};

struct DraftSources {
  std::vector<std::string> named;   // command-line paths: files always checked unless excluded
  std::vector<std::string> listed;  // --files-from: checked only when they are drafts
  // stdin's reported name, which places it for config lookup ("" → the working folder).
  std::string stdin_filename;
};

// Errors: a config that is malformed (naming its file, line and column).
Result<DraftPlan> plan_drafts(const DraftSources& sources, ConfigFinder& configs);

}  // namespace tonelint
