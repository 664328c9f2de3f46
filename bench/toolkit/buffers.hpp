#pragma once
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <span>
#include <vector>

namespace mpibench {

// The one place patterns get message buffers from. Today: page-aligned and written before
// use, so first-touch page faults never land in a timed operation. Cache-cold rotation or
// huge pages can come here later without any pattern changing.
class BufferProvider {
 public:
  // A new buffer of `bytes` (at least one page is reserved, so a 0-byte message still has a
  // valid address). Valid until release_all().
  std::span<std::byte> get(std::size_t bytes);

  // Frees every buffer handed out; patterns call it when they move to the next size.
  void release_all() { owned_.clear(); }

  static std::size_t page_size();

 private:
  struct Free {
    void operator()(std::byte* p) const { std::free(p); }
  };
  std::vector<std::unique_ptr<std::byte[], Free>> owned_;
};

}  // namespace mpibench
