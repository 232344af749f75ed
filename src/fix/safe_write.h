// Replacing a draft with its fixed text without losing what another process writes to it
// meanwhile: an advisory lock, a read lease, checks just before and just after an atomic
// exchange of the new file with the old, and the old file put back when it changed. The
// README ("--fix and other writers") says what this guarantees against which writers.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tonelint/status.h"

namespace tonelint {

struct ReplaceHooks {
  // Polled before the last check: true abandons the replacement (the temporary file
  // removed, the draft untouched) and the result is an error saying so.
  std::function<bool()> cancelled;
  // Called after the last check, just before the exchange: a seam for tests to act as
  // another writer in that window.
  std::function<void()> before_replace;
};

// Replaces `path` (or, for a symbolic link, the file a chain of them finally names, in that
// file's folder; the links stay) with `updated` if its content is still `original`. The new
// content is written to a short-named temporary file (".tonelint-XXXXXX") in the same folder
// with the draft's owner, group, mode and extended attributes, then exchanged with the draft.
// A draft with other hard links, or whose owner the new file could not have, is rewritten in
// place instead (in_place_write.h). Refused, leaving the draft as it is, when: the link dangles,
// it is read-only, is locked (flock) or open for writing by another process, or changed since
// `original` was read. If it changes while being replaced, the other writer's version is put
// back and the result is an error that says so.
Status write_if_unchanged(const std::string& path, std::string_view original, std::string_view updated,
                          const ReplaceHooks& hooks = {});

// True for names this module gives its temporary files (and those of earlier versions,
// "<draft>.tonelint-XXXXXX").
bool is_tonelint_temp_name(std::string_view name);

// Removes temporary files of ours in `dir` (not below it) whose status changed more than
// `min_age` ago: left behind by a run that was killed. Returns the paths removed.
std::vector<std::string> remove_stale_temp_files(const std::string& dir, std::chrono::seconds min_age);

// remove_stale_temp_files for the folder of each draft written, once per folder and run,
// from any thread.
class StaleTempSweeper {
 public:
  // What it removed (nothing when the folder was swept before).
  std::vector<std::string> sweep_folder_of(const std::string& path);

 private:
  std::mutex mutex_;
  std::set<std::string> swept_;
};

}  // namespace tonelint
