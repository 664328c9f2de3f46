#include "toolkit/buffers.hpp"

#include <mpi.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <new>

#include <fmt/format.h>

namespace mpibench {

std::size_t BufferProvider::page_size() {
  static const std::size_t size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

void BufferProvider::Free::operator()(std::byte* p) const {
#ifdef MPIBENCH_SMPI
  if (shared) {
    SMPI_SHARED_FREE(p);
    return;
  }
#endif
  std::free(p);
}

std::span<std::byte> BufferProvider::get_payload(std::size_t bytes) {
#ifdef MPIBENCH_SMPI
  if (share_payloads_) {
    // SMPI shares the memory of allocations with one key (a "file" and a "line"): the key here
    // is the buffer's place in this provider and its size, the same on every simulated rank,
    // so a rank's send and receive buffers never alias, and a rank still at one size never
    // shares with one already at the next.
    keys_.push_back(fmt::format("mpibench payload of {} bytes", bytes));
    auto* raw = static_cast<std::byte*>(
        smpi_shared_malloc(std::max<std::size_t>(bytes, 1), keys_.back().c_str(), static_cast<int>(owned_.size())));
    if (raw == nullptr) throw std::bad_alloc();
    owned_.emplace_back(raw, Free{true});
    return {raw, bytes};
  }
#endif
  return get(bytes);
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
