// The guides a service serves, reloadable while it serves: each request takes one
// snapshot (an immutable list of guides with their checkers) and uses it to the end, so it
// sees a guide entirely as it was or entirely as it is now. A reload builds the new guide
// beside the old one and swaps the snapshot pointer; a guide that fails to load is refused
// and the old one keeps serving.
#pragma once

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tonelint/checker.h"
#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint::server {

struct ServedGuide {
  std::string file;             // the guide file, as configured
  std::shared_ptr<const Checker> checker;
  std::uint64_t generation = 0;  // 1 for the first load, +1 for each successful reload
  std::time_t loaded_at = 0;
  const ToneGuide& guide() const { return checker->guide(); }
};

struct GuideSnapshot {
  std::vector<std::shared_ptr<const ServedGuide>> guides;  // in configuration order; the first is the default
  // The guide with this id (empty: the default); null when there is none.
  std::shared_ptr<const ServedGuide> find(const std::string& id) const;
};

struct ReloadReport {
  int reloaded = 0;
  std::vector<Status> refused;  // guides that failed to load (the old ones keep serving)
};

class GuideRegistry {
 public:
  // `paths`: guide files, or folders whose *.yaml files are guides (sorted by name).
  // Every guide must load and ids must be unique; the error names the file.
  static Result<std::unique_ptr<GuideRegistry>> open(const std::vector<std::string>& paths,
                                                     std::shared_ptr<const Dictionaries> dictionaries);

  std::shared_ptr<const GuideSnapshot> snapshot() const;

  // Reloads every guide (SIGHUP), or only those whose file changed since it was loaded.
  ReloadReport reload(bool only_changed);

 private:
  struct FileStamp {
    std::filesystem::file_time_type mtime{};
    std::uintmax_t size = 0;
    bool operator==(const FileStamp&) const = default;
  };
  static FileStamp stamp_of(const std::string& file);
  static Result<std::shared_ptr<const ServedGuide>> load_one(const std::string& file,
                                                            const std::shared_ptr<const Dictionaries>& dictionaries,
                                                            std::uint64_t generation);

  std::shared_ptr<const Dictionaries> dictionaries_;
  std::vector<std::string> files_;
  std::vector<FileStamp> stamps_;  // as of each file's last load attempt (touched by reload only)
  std::mutex reload_mutex_;        // one reload at a time
  mutable std::mutex snapshot_mutex_;  // held only to copy or swap the pointer
  std::shared_ptr<const GuideSnapshot> snapshot_;
};

}  // namespace tonelint::server
