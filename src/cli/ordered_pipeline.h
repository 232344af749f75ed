// Work items made by several threads and consumed on the calling thread in input order,
// with at most `window` items made but not yet consumed: a run's report is written file by
// file and each file's analysis dropped once written, so memory does not grow with the
// number of files (300 files of 1 MiB used to peak at 1.27 GB, all kept for the end).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tonelint::cli {

// Calls `make(i)` for i in [0, count) on `threads` threads (on this one when 1) and
// `consume(std::move(item))` on this thread in order of i. `make` returns nullopt to stop
// the run (nothing more is made or consumed); returns false then.
template <typename T, typename Make, typename Consume>
bool run_in_order(std::size_t count, int threads, std::size_t window, Make make, Consume consume) {
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      std::optional<T> item = make(i);
      if (!item) return false;
      consume(std::move(*item));
    }
    return true;
  }
  window = std::max<std::size_t>(window, 1);
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, std::optional<T>> made;  // nullopt: a stop
  std::size_t next_to_make = 0, next_to_consume = 0;
  bool stopped = false;
  auto worker = [&] {
    while (true) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex);
        // An item is claimed only when there is room for it: the one being waited for is
        // always the oldest claimed, so this never blocks it.
        changed.wait(lock, [&] { return stopped || next_to_make >= count || next_to_make < next_to_consume + window; });
        if (stopped || next_to_make >= count) return;
        i = next_to_make++;
      }
      std::optional<T> item = make(i);
      std::lock_guard<std::mutex> lock(mutex);
      made.emplace(i, std::move(item));
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
  bool ok = true;
  for (; next_to_consume < count;) {
    std::optional<T> item;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return made.count(next_to_consume) > 0; });
      auto it = made.find(next_to_consume);
      item = std::move(it->second);
      made.erase(it);
      if (!item) {
        stopped = true;
        changed.notify_all();
        ok = false;
        break;
      }
    }
    consume(std::move(*item));
    std::lock_guard<std::mutex> lock(mutex);
    ++next_to_consume;
    changed.notify_all();
  }
  for (auto& t : pool) t.join();
  return ok;
}

}  // namespace tonelint::cli
