#include "guide/guide_cache.h"

#include <cstdio>

namespace tonelint {
namespace {

// FNV-1a, 64 bits: enough to tell apart the few files of one run; the key keeps the size
// and path too.
std::uint64_t content_hash(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

std::string GuideCache::key_of(std::string_view path, std::string_view bytes) {
  char digest[40];
  std::snprintf(digest, sizeof digest, "%016llx:%zu", static_cast<unsigned long long>(content_hash(bytes)), bytes.size());
  std::string key(path);
  key.append(1, '\0').append(digest);
  return key;
}

std::shared_ptr<const Guide> GuideCache::find_guide(const std::string& key) const {
  auto it = guides_.find(key);
  return it == guides_.end() ? nullptr : it->second;
}

void GuideCache::add_guide(const std::string& key, std::shared_ptr<const Guide> guide) {
  guides_.emplace(key, std::move(guide));
}

std::shared_ptr<const Lexicon> GuideCache::find_lexicon(const std::string& key) const {
  auto it = lexicons_.find(key);
  return it == lexicons_.end() ? nullptr : it->second;
}

void GuideCache::add_lexicon(const std::string& key, std::shared_ptr<const Lexicon> lexicon) {
  lexicons_.emplace(key, std::move(lexicon));
}

}  // namespace tonelint
