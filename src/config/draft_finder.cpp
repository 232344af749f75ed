#include "config/draft_finder.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <sys/stat.h>

#include "config/gitignore.h"
#include "input/regular_file.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

class Planner {
 public:
  Planner(ConfigFinder& configs, DraftPlan* plan) : configs_(configs), plan_(plan) {}

  // A path given by the user. `named`: checked whatever its extension, unless excluded.
  Status add(const std::string& path, bool named, const std::string& stdin_filename) {
    if (path == "-") {
      const fs::path where = stdin_filename.empty() ? fs::path("stdin") : fs::path(stdin_filename);
      return add_file(path, where, /*named=*/true);
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) return walk(path);
    if (!named && !fs::exists(path, ec)) {
      plan_->notes.push_back(path + ": listed but not found (deleted?); skipped");
      return {};
    }
    return add_file(path, path, named);
  }

 private:
  Status add_file(const std::string& path, const fs::path& where, bool named) {
    if (path != "-") {
      std::error_code ec;
      const fs::path key = fs::absolute(path, ec).lexically_normal();
      if (!seen_.insert(key).second) return {};  // named twice, or listed and named
    }
    auto config = configs_.for_path(where);
    if (!config.ok()) return config.status();
    PlannedDraft draft{path, *config, {}};
    if (draft.config) {
      const auto relative = draft.config->relative(where);
      if (relative) {
        if (named ? draft.config->excludes(*relative) : !draft.config->takes(*relative)) {
          plan_->notes.push_back(path + ": " + (named ? "excluded" : "not included") + " by " +
                                 draft.config->path().string() + "; skipped");
          return {};
        }
        draft.context = draft.config->context_for(*relative);
      }
    } else if (!named && !is_draft_extension(where)) {
      return {};  // a listed file that is not a draft (source code in a changed-files list)
    }
    plan_->drafts.push_back(std::move(draft));
    return {};
  }

  // Every draft under `root`, in path order. The root itself is walked even if git
  // ignores it or it is hidden: the user named it.
  Status walk(const std::string& root) {
    std::vector<std::string> found;
    std::vector<fs::path> pending = {fs::path(root)};
    while (!pending.empty()) {
      const fs::path dir = pending.back();
      pending.pop_back();
      std::error_code ec;
      fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const fs::path& entry = it->path();
        const std::string name = entry.filename().string();
        std::error_code type_ec;
        // Symbolic links to folders are not followed: no cycles, no walking out of the tree.
        const bool is_dir = it->is_directory(type_ec) && !it->is_symlink(type_ec);
        if (is_dir && !name.empty() && name[0] == '.') continue;  // .git and friends
        auto config = configs_.for_path(dir);
        if (!config.ok()) return config.status();
        const RepoConfig* governing = config->get();
        const fs::path absolute = fs::absolute(entry, type_ec).lexically_normal();
        if ((governing == nullptr || governing->gitignore()) && gitignore_.ignored(absolute, is_dir)) continue;
        if (is_dir) {
          const auto relative = governing ? governing->relative(entry) : std::nullopt;
          if (relative && governing->excludes(*relative)) continue;
          pending.push_back(entry);
        } else if (governing ? is_taken(*governing, entry) : is_draft_extension(entry)) {
          // A FIFO would block the read and a device never end: never opened, but named, as
          // its name makes it a draft. The run's exit status is the other files'.
          if (it->is_regular_file(type_ec)) {
            found.push_back(entry.string());
          } else {
            note_not_regular(entry);
          }
        }
      }
      if (ec) {
        // Most often a folder nested so deep that its path is longer than PATH_MAX: its drafts
        // cannot be read by path, so they are named as not checked rather than left out.
        plan_->unreachable.emplace_back(ErrorCode::kIo,
                                        "cannot walk this folder (" + ec.message() + "); the drafts in it are not checked",
                                        Location{dir.string()});
      }
    }
    std::sort(found.begin(), found.end());
    for (const std::string& file : found) {
      if (Status s = add_file(file, file, /*named=*/false); !s.ok()) return s;
    }
    return {};
  }

  void note_not_regular(const fs::path& entry) {
    struct stat st {};
    const std::string type = ::stat(entry.c_str(), &st) == 0 ? std::string("is ") + describe_file_type(st.st_mode)
                                                             : std::string("is a symbolic link to nothing");
    plan_->notes.push_back(entry.string() + ": " + type + ", not a regular file; skipped");
  }

  static bool is_taken(const RepoConfig& config, const fs::path& file) {
    const auto relative = config.relative(file);
    return relative ? config.takes(*relative) : is_draft_extension(file);
  }

  ConfigFinder& configs_;
  DraftPlan* plan_;
  GitignoreMatcher gitignore_;
  std::set<fs::path> seen_;
};

}  // namespace

Result<DraftPlan> plan_drafts(const DraftSources& sources, ConfigFinder& configs) {
  DraftPlan plan;
  Planner planner(configs, &plan);
  for (const std::string& path : sources.named) {
    if (Status s = planner.add(path, /*named=*/true, sources.stdin_filename); !s.ok()) return s;
  }
  for (const std::string& path : sources.listed) {
    if (Status s = planner.add(path, /*named=*/false, sources.stdin_filename); !s.ok()) return s;
  }
  return plan;
}

}  // namespace tonelint
