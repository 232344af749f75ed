#include "tonelint/guide_library.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "api/api_guard.h"
#include "api/api_internal.h"
#include "guide/guide_cache.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

// Guides a cache holds before it is emptied: each edit of a guide adds one, and a
// long-running server must not keep every version it ever saw.
constexpr std::size_t kMaxCachedGuides = 64;

struct FileStamp {
  fs::file_time_type mtime{};
  std::uintmax_t size = 0;
  bool operator==(const FileStamp&) const = default;
};

FileStamp stamp_of(const std::string& file) {
  std::error_code ec;
  FileStamp stamp;
  stamp.mtime = fs::last_write_time(file, ec);
  if (ec) return FileStamp{};
  stamp.size = fs::file_size(file, ec);
  return stamp;
}

}  // namespace

std::shared_ptr<const LoadedGuide> GuideSnapshot::find(const std::string& id) const {
  if (guides.empty()) return nullptr;
  if (id.empty()) return guides.front();
  for (const auto& g : guides) {
    if (g->guide().id() == id) return g;
  }
  return nullptr;
}

struct GuideLibrary::Impl {
  struct ByPath {
    std::shared_ptr<const LoadedGuide> guide;
    FileStamp stamp;
    std::uint64_t first_loaded = 0;  // order in the snapshot
    std::uint64_t last_used = 0;     // for dropping the least recently used
  };

  std::shared_ptr<const Dictionaries> dictionaries;
  GuideLibraryOptions options;

  std::mutex load_mutex;  // one load or reload at a time; guards everything below but the snapshot
  GuideCache cache;       // shared bases, by content
  std::vector<std::string> served_files;  // open()'s, in order
  std::vector<FileStamp> served_stamps;   // as of each file's last load attempt
  std::vector<std::shared_ptr<const LoadedGuide>> served;
  std::map<std::string, ByPath> by_path;
  std::uint64_t clock = 0;

  mutable std::mutex snapshot_mutex;  // held only to copy or swap the pointer
  std::shared_ptr<const GuideSnapshot> snapshot = std::make_shared<GuideSnapshot>();

  // Called with load_mutex held.
  std::shared_ptr<const LoadedGuide> load_one(const std::string& file, std::uint64_t generation) {
    auto out = std::make_shared<LoadedGuide>();
    out->file = file;
    out->generation = generation;
    out->loaded_at = std::time(nullptr);
    out->status = guard_status("loading the guide", [&]() -> Status {
      // A FIFO or device in a guide's place is refused by the loader by its type, without
      // blocking (input/regular_file.h), and named as `tonelint check` has always named it.
      if (cache.guide_count() > kMaxCachedGuides) cache = GuideCache();
      GuideLoad load = load_guide_file(file, &cache);
      if (!load.ok()) {
        out->guide_errors = load.errors;
        return guide_load_status(load, file);
      }
      auto checker = Checker::create(make_tone_guide(std::move(load.guide), dictionaries), options.checker_options);
      if (!checker.ok()) return checker.status();
      out->checker = std::make_shared<const Checker>(std::move(*checker));
      return Status();
    });
    if (!out->status.ok()) out->checker.reset();
    return out;
  }

  // A new snapshot from `served` and `by_path`; called with load_mutex held.
  void publish() {
    auto next = std::make_shared<GuideSnapshot>();
    for (const auto& g : served) {
      if (g->ok()) next->guides.push_back(g);
    }
    std::vector<const ByPath*> loaded;
    for (const auto& [path, entry] : by_path) {
      if (entry.guide->ok()) loaded.push_back(&entry);
    }
    std::sort(loaded.begin(), loaded.end(), [](const ByPath* a, const ByPath* b) { return a->first_loaded < b->first_loaded; });
    for (const ByPath* entry : loaded) next->guides.push_back(entry->guide);
    std::lock_guard<std::mutex> lock(snapshot_mutex);
    snapshot = std::move(next);
  }

  void drop_least_recently_used() {
    while (by_path.size() > std::max<std::size_t>(1, options.kept_guides)) {
      auto oldest = std::min_element(by_path.begin(), by_path.end(),
                                     [](const auto& a, const auto& b) { return a.second.last_used < b.second.last_used; });
      by_path.erase(oldest);
    }
  }
};

GuideLibrary::GuideLibrary(std::shared_ptr<const Dictionaries> dictionaries, GuideLibraryOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->dictionaries = std::move(dictionaries);
  impl_->options = options;
}

GuideLibrary::~GuideLibrary() = default;

const std::shared_ptr<const Dictionaries>& GuideLibrary::dictionaries() const { return impl_->dictionaries; }

Result<std::unique_ptr<GuideLibrary>> GuideLibrary::open(const std::vector<std::string>& paths,
                                                         std::shared_ptr<const Dictionaries> dictionaries,
                                                         GuideLibraryOptions options) {
  return guard_api<std::unique_ptr<GuideLibrary>>("opening the guides", [&]() -> Result<std::unique_ptr<GuideLibrary>> {
    std::vector<std::string> files;
    for (const std::string& path : paths) {
      std::error_code ec;
      if (fs::is_directory(path, ec)) {
        std::vector<std::string> found;
        for (const auto& entry : fs::directory_iterator(path, ec)) {
          const std::string ext = entry.path().extension().string();
          if (entry.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) found.push_back(entry.path().string());
        }
        if (found.empty()) return Status(ErrorCode::kNotFound, "no guide (*.yaml) in this folder", Location{path});
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
      } else {
        files.push_back(path);
      }
    }
    if (files.empty()) return Status(ErrorCode::kInvalidArgument, "no guide to serve");
    auto library = std::make_unique<GuideLibrary>(std::move(dictionaries), options);
    Impl& impl = *library->impl_;
    std::lock_guard<std::mutex> loading(impl.load_mutex);
    std::set<std::string> ids;
    for (const std::string& file : files) {
      impl.served_stamps.push_back(stamp_of(file));
      auto loaded = impl.load_one(file, 1);
      if (!loaded->ok()) return loaded->status;
      if (!ids.insert(loaded->guide().id()).second) {
        return Status(ErrorCode::kInvalidArgument, "another guide already has the id '" + loaded->guide().id() + "'",
                      Location{file});
      }
      impl.served.push_back(std::move(loaded));
    }
    impl.served_files = std::move(files);
    impl.publish();
    return library;
  });
}

std::shared_ptr<const GuideSnapshot> GuideLibrary::snapshot() const {
  std::lock_guard<std::mutex> lock(impl_->snapshot_mutex);
  return impl_->snapshot;
}

std::shared_ptr<const LoadedGuide> GuideLibrary::load(const std::string& path, bool reload_if_changed) {
  Impl& impl = *impl_;
  std::lock_guard<std::mutex> loading(impl.load_mutex);
  auto it = impl.by_path.find(path);
  if (it != impl.by_path.end()) {
    it->second.last_used = ++impl.clock;
    if (!reload_if_changed) return it->second.guide;
    const FileStamp stamp = stamp_of(path);
    if (stamp == it->second.stamp) return it->second.guide;
    // Edited since it was loaded: load it again, and compile its rules afresh. Its word
    // lists and bases are read again too (the cache knows guide files by content, not
    // the word lists they name, which may have changed with it).
    impl.cache = GuideCache();
    it->second.stamp = stamp;
    it->second.guide = impl.load_one(path, it->second.guide->generation + 1);
    impl.publish();
    return it->second.guide;
  }
  Impl::ByPath entry;
  entry.stamp = stamp_of(path);
  entry.guide = impl.load_one(path, 1);
  entry.first_loaded = entry.last_used = ++impl.clock;
  std::shared_ptr<const LoadedGuide> loaded = entry.guide;
  impl.by_path.emplace(path, std::move(entry));
  impl.drop_least_recently_used();
  impl.publish();
  return loaded;
}

ReloadReport GuideLibrary::reload(bool only_changed) {
  Impl& impl = *impl_;
  std::lock_guard<std::mutex> loading(impl.load_mutex);
  ReloadReport report;
  // Everything read again (a word list may have changed under an unchanged guide file);
  // the guides of this one reload still share their bases.
  impl.cache = GuideCache();
  std::vector<std::shared_ptr<const LoadedGuide>> next = impl.served;
  bool changed = false;
  for (std::size_t i = 0; i < impl.served_files.size(); ++i) {
    const std::string& file = impl.served_files[i];
    const FileStamp stamp = stamp_of(file);
    if (only_changed && stamp == impl.served_stamps[i]) continue;
    // Remember the attempt, so a broken file is reported once, not at every poll.
    impl.served_stamps[i] = stamp;
    auto loaded = impl.load_one(file, impl.served[i]->generation + 1);
    if (!loaded->ok()) {
      report.refused.push_back(loaded->status);
      continue;
    }
    const std::string& id = loaded->guide().id();
    bool duplicate = false;
    for (std::size_t j = 0; j < next.size(); ++j) {
      if (j != i && next[j]->guide().id() == id) {
        report.refused.push_back(
            Status(ErrorCode::kInvalidArgument, "another guide already has the id '" + id + "'", Location{file}));
        duplicate = true;
        break;
      }
    }
    if (duplicate) continue;
    next[i] = std::move(loaded);
    ++report.reloaded;
    changed = true;
  }
  if (changed) {
    impl.served = std::move(next);
    impl.publish();
  }
  return report;
}

}  // namespace tonelint
