// The repository config, `.tonelint.yaml`: which guide, which files, which levels to
// report and fail on, and which context each folder's drafts are written for. A file is
// governed by the nearest .tonelint.yaml above it (no merging: the nearest one wins).
//
//   guide: rules/acme.yaml             # relative to this file; default: the shipped guide
//   include: ["**/*.md", "macros/**"]  # files a directory walk picks (default: the drafts)
//   exclude: [node_modules, CHANGELOG.md]
//   gitignore: true                    # skip what git ignores (default)
//   min_level: warning                 # report nothing less severe
//   fail_on: warning                   # exit 1 on findings this severe or more
//   contexts:                          # later entries win, per dimension
//     - paths: ["support/macros/**"]
//       channel: chat
//       audience: customer
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/glob.h"
#include "guide/guide.h"
#include "tonelint/status.h"

namespace tonelint {

inline constexpr std::string_view kRepoConfigName = ".tonelint.yaml";
// A config is a few lines; anything near this size is not one.
inline constexpr std::size_t kMaxConfigBytes = std::size_t{1} << 20;

// Context values a config's `contexts:` give a file, and the patterns that gave them.
struct ConfigContext {
  Context context;                                  // empty value: not set by the config
  std::array<std::string, kDimensionCount> matched;  // the pattern that set each value
};

class RepoConfig {
 public:
  // Parses `text` as the config at `path` (errors name path:line:column).
  static Result<RepoConfig> parse(std::string_view text, const std::filesystem::path& path);
  static Result<RepoConfig> load(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return path_; }
  // The folder the config's patterns are relative to.
  const std::filesystem::path& root() const { return root_; }
  // The guide it names (absolute), or empty for the shipped one.
  const std::string& guide() const { return guide_; }
  const std::optional<Level>& min_level() const { return min_level_; }
  const std::optional<Level>& fail_on() const { return fail_on_; }
  bool gitignore() const { return gitignore_; }

  // `path` relative to root() with '/' separators, or nullopt when it lies outside.
  std::optional<std::string> relative(const std::filesystem::path& path) const;
  // Whether a directory walk takes the file (include, then exclude).
  bool takes(std::string_view relative_path) const;
  // Whether `exclude` covers the path (a file, or a folder and so all beneath it).
  bool excludes(std::string_view relative_path) const;
  ConfigContext context_for(std::string_view relative_path) const;

  // Every context value names a value the guide allows; the error names the config's
  // line and column.
  Status check_against(const Guide& guide) const;

 private:
  struct Mapping {
    std::vector<Glob> paths;
    Context context;
    std::array<Location, kDimensionCount> where;  // of each value, for errors
  };

  std::filesystem::path path_, root_;
  std::string guide_;
  std::vector<Glob> include_, exclude_;
  bool gitignore_ = true;
  std::optional<Level> min_level_, fail_on_;
  std::vector<Mapping> contexts_;
};

// Finds and loads the config that governs each path, each config file once.
// Not thread-safe: used while planning a run, before the workers start.
class ConfigFinder {
 public:
  // `forced`: a --config path that governs every file; empty to walk up from each file.
  explicit ConfigFinder(std::string forced = {});

  // The config governing `path` (a file or folder; need not exist), or null when there
  // is none. Errors: a config that is unreadable or malformed.
  Result<std::shared_ptr<const RepoConfig>> for_path(const std::filesystem::path& path);

 private:
  Result<std::shared_ptr<const RepoConfig>> load_cached(const std::filesystem::path& config);

  std::string forced_;
  std::map<std::filesystem::path, std::shared_ptr<const RepoConfig>> by_folder_;  // null: none above
  std::map<std::filesystem::path, Result<std::shared_ptr<const RepoConfig>>> loaded_;
};

// The default drafts a directory walk picks when no config says otherwise: files with an
// extension of one of the input formats (extract/formats.h).
bool is_draft_extension(const std::filesystem::path& path);

}  // namespace tonelint
