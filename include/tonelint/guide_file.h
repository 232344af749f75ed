// The public C++ API: a guide file read and checked on its own, without the dictionaries a
// Checker needs, for tools that look at the guide rather than at drafts (an editor
// validating a guide, `explain`, `test`).
//
//   auto load = tonelint::GuideFile::load("rules/tonelint.yaml");
//   for (const tonelint::Status& e : load.errors) std::cerr << e.to_string() << '\n';
//   if (load.guide) { auto why = tonelint::explain(*load.guide, {{"channel", "chat"}}); }
//
// A GuideFile is immutable: share it between threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tonelint/status.h"
#include "tonelint/tone_guide.h"

namespace tonelint {

class GuideFile;

struct GuideFileLoad {
  std::shared_ptr<const GuideFile> guide;  // null when there is any error
  std::vector<Status> errors;              // every problem found (file:line:column), in file order
  bool ok() const { return guide != nullptr; }
};

class GuideFile {
 public:
  // Follows `extends:` and the word lists, as ToneGuide::load does, but reports every
  // error rather than the first; no exception escapes.
  static GuideFileLoad load(const std::string& path);
  // The guide file a loaded ToneGuide was made from (shares its data).
  static std::shared_ptr<const GuideFile> of(const ToneGuide& guide);

  const std::string& id() const;    // rule ids are reported as "<id>.<rule>"
  const std::string& path() const;  // the guide file as loaded

  struct Impl;  // the library's own
  const Impl& impl() const { return *impl_; }
  explicit GuideFile(std::unique_ptr<Impl> impl);
  ~GuideFile();

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tonelint
