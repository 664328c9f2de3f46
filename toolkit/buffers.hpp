#pragma once
#include <cstddef>
#include <cstdlib>
#include <deque>
#include <memory>
#include <span>
#include <string>
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

  // A buffer whose contents no one reads (a timed payload, outside --validate). Under SimGrid,
  // once share_payloads() was called, every simulated rank gets the same memory
  // (SMPI_SHARED_MALLOC): what lets thousands of ranks move megabytes on one machine.
  // Otherwise as get().
  std::span<std::byte> get_payload(std::size_t bytes);
  void share_payloads() { share_payloads_ = true; }

  // Frees every buffer handed out; patterns call it when they move to the next size.
  void release_all() {
    owned_.clear();
    keys_.clear();
  }

  static std::size_t page_size();

 private:
  struct Free {
    bool shared = false;
    void operator()(std::byte* p) const;
  };
  std::vector<std::unique_ptr<std::byte[], Free>> owned_;
  bool share_payloads_ = false;
  std::deque<std::string> keys_;  // SMPI's keys of shared payloads (it keeps pointers to them)
};

}  // namespace mpibench
