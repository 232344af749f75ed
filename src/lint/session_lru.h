// A worker's lint sessions, one per guide, at most `capacity` at a time. A session holds
// an analyzer and the guide's rules compiled for each context it met; a run over sixty
// folders, each with its own guide, kept sixty of them per worker for the whole run. The
// least recently used one is dropped when another is needed (drafts come folder by folder,
// so a guide's drafts are mostly checked together), and made again if it is needed again.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <utility>

#include "lint/session.h"
#include "guide/guide.h"

namespace tonelint {

class SessionLru {
 public:
  explicit SessionLru(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // The session for `guide`, made with `make` (a callable returning
  // Result<std::unique_ptr<LintSession>>) when there is none; an error from `make` is
  // returned as is.
  template <typename Make>
  Result<LintSession*> get(const Guide* guide, Make&& make) {
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->first != guide) continue;
      entries_.splice(entries_.begin(), entries_, it);
      return entries_.front().second.get();
    }
    Result<std::unique_ptr<LintSession>> made = make();
    if (!made.ok()) return made.status();
    entries_.emplace_front(guide, std::move(*made));
    while (entries_.size() > capacity_) entries_.pop_back();
    return entries_.front().second.get();
  }

  std::size_t size() const { return entries_.size(); }

 private:
  std::size_t capacity_;
  std::list<std::pair<const Guide*, std::unique_ptr<LintSession>>> entries_;  // most recent first
};

}  // namespace tonelint
