#include "server/guide_registry.h"

#include <algorithm>
#include <set>

namespace tonelint::server {

namespace fs = std::filesystem;

std::shared_ptr<const ServedGuide> GuideSnapshot::find(const std::string& id) const {
  if (guides.empty()) return nullptr;
  if (id.empty()) return guides.front();
  for (const auto& g : guides) {
    if (g->guide().id() == id) return g;
  }
  return nullptr;
}

GuideRegistry::FileStamp GuideRegistry::stamp_of(const std::string& file) {
  std::error_code ec;
  FileStamp stamp;
  stamp.mtime = fs::last_write_time(file, ec);
  if (ec) return FileStamp{};
  stamp.size = fs::file_size(file, ec);
  return stamp;
}

Result<std::shared_ptr<const ServedGuide>> GuideRegistry::load_one(const std::string& file,
                                                                   const std::shared_ptr<const Dictionaries>& dictionaries,
                                                                   std::uint64_t generation) {
  // A FIFO or device in a guide's place would block the loader in open(); refused by type
  // (stat does not open it). The loader checks again on the descriptor it opens.
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (!ec && !fs::is_regular_file(status)) {
    return Status(ErrorCode::kInvalidArgument, "not a regular file (a FIFO, device, socket or folder); not loaded",
                  Location{file});
  }
  ToneGuide::Options options;
  options.guide_path = file;
  options.dictionaries = dictionaries;
  auto guide = ToneGuide::load(options);
  if (!guide.ok()) return guide.status();
  auto checker = Checker::create(*guide);
  if (!checker.ok()) return checker.status();
  auto served = std::make_shared<ServedGuide>();
  served->file = file;
  served->checker = std::make_shared<const Checker>(std::move(*checker));
  served->generation = generation;
  served->loaded_at = std::time(nullptr);
  return std::shared_ptr<const ServedGuide>(std::move(served));
}

Result<std::unique_ptr<GuideRegistry>> GuideRegistry::open(const std::vector<std::string>& paths,
                                                           std::shared_ptr<const Dictionaries> dictionaries) {
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
  auto registry = std::unique_ptr<GuideRegistry>(new GuideRegistry());
  registry->dictionaries_ = std::move(dictionaries);
  auto snapshot = std::make_shared<GuideSnapshot>();
  std::set<std::string> ids;
  for (const std::string& file : files) {
    registry->stamps_.push_back(stamp_of(file));
    auto served = load_one(file, registry->dictionaries_, 1);
    if (!served.ok()) return served.status();
    if (!ids.insert((*served)->guide().id()).second) {
      return Status(ErrorCode::kInvalidArgument, "another guide already has the id '" + (*served)->guide().id() + "'",
                    Location{file});
    }
    snapshot->guides.push_back(std::move(*served));
  }
  registry->files_ = std::move(files);
  registry->snapshot_ = std::move(snapshot);
  return registry;
}

std::shared_ptr<const GuideSnapshot> GuideRegistry::snapshot() const {
  std::lock_guard<std::mutex> lock(snapshot_mutex_);
  return snapshot_;
}

ReloadReport GuideRegistry::reload(bool only_changed) {
  std::lock_guard<std::mutex> reloading(reload_mutex_);
  ReloadReport report;
  const std::shared_ptr<const GuideSnapshot> current = snapshot();
  auto next = std::make_shared<GuideSnapshot>(*current);
  bool changed = false;
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const FileStamp stamp = stamp_of(files_[i]);
    if (only_changed && stamp == stamps_[i]) continue;
    // Remember the attempt, so a broken file is reported once, not at every poll.
    stamps_[i] = stamp;
    auto served = load_one(files_[i], dictionaries_, current->guides[i]->generation + 1);
    if (!served.ok()) {
      report.refused.push_back(served.status());
      continue;
    }
    const std::string& id = (*served)->guide().id();
    for (std::size_t j = 0; j < next->guides.size(); ++j) {
      if (j != i && next->guides[j]->guide().id() == id) {
        report.refused.push_back(
            Status(ErrorCode::kInvalidArgument, "another guide already has the id '" + id + "'", Location{files_[i]}));
        served = Status(ErrorCode::kInvalidArgument, "duplicate id");
        break;
      }
    }
    if (!served.ok()) continue;
    next->guides[i] = std::move(*served);
    ++report.reloaded;
    changed = true;
  }
  if (changed) {
    std::lock_guard<std::mutex> lock(snapshot_mutex_);
    snapshot_ = std::move(next);
  }
  return report;
}

}  // namespace tonelint::server
