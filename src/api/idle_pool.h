// Objects one call at a time may use (a MeCab tagger, a lint session), kept for the next
// call: a call takes an idle one (or makes one when none is idle, outside the lock, since
// making one is slow) and its lease gives it back however the call ends. The lock is held
// only to take or return one.
#pragma once

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace tonelint {

template <typename T>
class IdlePool {
 public:
  // An idle object, or null when none is.
  std::unique_ptr<T> take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.empty()) return nullptr;
    std::unique_ptr<T> item = std::move(idle_.back());
    idle_.pop_back();
    return item;
  }

  void give_back(std::unique_ptr<T> item) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(item));
  }

  // Gives its object back to the pool when it goes out of scope.
  class Lease {
   public:
    Lease(IdlePool* pool, std::unique_ptr<T> item) : pool_(pool), item_(std::move(item)) {}
    ~Lease() {
      if (item_) pool_->give_back(std::move(item_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    T& operator*() const { return *item_; }
    T* operator->() const { return item_.get(); }

   private:
    IdlePool* pool_;
    std::unique_ptr<T> item_;
  };

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<T>> idle_;
};

}  // namespace tonelint
