#include <exception>
#include <new>

#include "api/api_internal.h"
#include "api/guide_file_internal.h"
#include "load/guide_loader.h"

namespace tonelint {

GuideFile::GuideFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GuideFile::~GuideFile() = default;

GuideFileLoad GuideFile::load(const std::string& path) {
  GuideFileLoad out;
  try {
    GuideLoad load = load_guide_file(path);
    out.errors = std::move(load.errors);
    if (load.guide) out.guide = std::make_shared<const GuideFile>(std::make_unique<Impl>(Impl{std::move(load.guide)}));
  } catch (const std::bad_alloc&) {
    out.guide = nullptr;
    out.errors.emplace_back(ErrorCode::kTooLarge, "out of memory while loading the guide", Location{path});
  } catch (const std::exception& e) {
    out.guide = nullptr;
    out.errors.emplace_back(ErrorCode::kInternal, std::string("internal error: ") + e.what(), Location{path});
  }
  if (out.guide == nullptr && out.errors.empty()) {
    out.errors.emplace_back(ErrorCode::kParse, "the guide could not be loaded", Location{path});
  }
  return out;
}

std::shared_ptr<const GuideFile> GuideFile::of(const ToneGuide& guide) {
  return std::make_shared<const GuideFile>(std::make_unique<Impl>(Impl{guide.impl().guide}));
}

const std::string& GuideFile::id() const { return impl_->guide->id; }
const std::string& GuideFile::path() const { return impl_->guide->path; }

}  // namespace tonelint
