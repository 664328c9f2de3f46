#pragma once
#include <cstdio>
#include <memory>
#include <string>

namespace mpibench {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Opens `path` for writing, or throws UsageError saying why it cannot be written. This is
// the last check before a run starts, so a failing run never leaves an empty file behind.
FilePtr open_output_file(const std::string& path);

}  // namespace mpibench
