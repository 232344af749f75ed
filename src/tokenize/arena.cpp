#include "tokenize/arena.h"

#include <cstring>

namespace tonelint {

std::string_view Arena::store(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > kBlockSize / 4) {  // large strings get a block of their own
    auto& block = large_.emplace_back(std::make_unique_for_overwrite<char[]>(s.size()));
    std::memcpy(block.get(), s.data(), s.size());
    used_total_ += s.size();
    return std::string_view(block.get(), s.size());
  }
  if (block_used_ + s.size() > kBlockSize) {
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(kBlockSize));
    block_used_ = 0;
  }
  char* p = blocks_.back().get() + block_used_;
  std::memcpy(p, s.data(), s.size());
  block_used_ += s.size();
  used_total_ += s.size();
  return std::string_view(p, s.size());
}

void Arena::clear() {
  // Keep one block: a streaming analysis clears the arena after every sentence.
  if (blocks_.size() > 1) blocks_.resize(1);
  large_.clear();
  block_used_ = blocks_.empty() ? kBlockSize : 0;
  used_total_ = 0;
}

}  // namespace tonelint
