#include "bench/toolkit/buffers.hpp"

#include <unistd.h>

#include <cstring>
#include <new>

namespace mpibench {

std::size_t BufferProvider::page_size() {
  static const std::size_t size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

std::span<std::byte> BufferProvider::get(std::size_t bytes) {
  const std::size_t page = page_size();
  const std::size_t reserved = bytes == 0 ? page : (bytes + page - 1) / page * page;
  auto* raw = static_cast<std::byte*>(std::aligned_alloc(page, reserved));
  if (raw == nullptr) throw std::bad_alloc();
  // Writing every page makes the kernel back it now, not inside the first timed operation.
  std::memset(raw, 0x5a, reserved);
  owned_.emplace_back(raw);
  return {raw, bytes};
}

}  // namespace mpibench
