// Append-only string storage whose views never move; owned by one analysis.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace tonelint {

class Arena {
 public:
  std::string_view store(std::string_view s);
  void clear();
  std::size_t bytes_used() const { return used_total_; }

 private:
  static constexpr std::size_t kBlockSize = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::unique_ptr<char[]>> large_;
  std::size_t block_used_ = kBlockSize;  // forces a first block
  std::size_t used_total_ = 0;
};

}  // namespace tonelint
