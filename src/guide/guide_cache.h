// What loading guides can share within one run. Sixty folders whose guides each extend the
// shipped one need the shipped guide (and its 100,000-word lexicon) read and built once,
// not sixty times: a guide already loaded is found again by the bytes of its file and of
// every file it extends, a lexicon by the bytes of its word list. Entries are immutable
// (shared_ptr<const ...>), so a guide built from a cached base shares nothing mutable.
//
// Owned by whoever loads the guides (a run, a loader call) and passed where needed; not
// thread-safe: a run loads its guides before its workers start.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "guide/guide.h"

namespace tonelint {

using Lexicon = std::unordered_set<std::string>;

class GuideCache {
 public:
  // A key for the file at `path` with these bytes: its path (relative names resolve
  // against it) and a hash of its content.
  static std::string key_of(std::string_view path, std::string_view bytes);

  // The guide loaded from the chain of files `key` names (null when there is none).
  std::shared_ptr<const Guide> find_guide(const std::string& key) const;
  void add_guide(const std::string& key, std::shared_ptr<const Guide> guide);

  std::shared_ptr<const Lexicon> find_lexicon(const std::string& key) const;
  void add_lexicon(const std::string& key, std::shared_ptr<const Lexicon> lexicon);

  std::size_t guide_count() const { return guides_.size(); }
  std::size_t lexicon_count() const { return lexicons_.size(); }

 private:
  std::map<std::string, std::shared_ptr<const Guide>> guides_;
  std::map<std::string, std::shared_ptr<const Lexicon>> lexicons_;
};

}  // namespace tonelint
