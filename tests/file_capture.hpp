#pragma once
// Test helper: what a writer wrote to a FILE*, as a string.
#include <cstdio>
#include <string>

namespace mpibench::testing {

// Calls write(file) on a temporary file and returns its whole content.
template <class F>
std::string captured(F write) {
  std::FILE* file = std::tmpfile();
  write(file);
  std::rewind(file);
  std::string text;
  char chunk[4096];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof(chunk), file)) > 0;) text.append(chunk, n);
  std::fclose(file);
  return text;
}

}  // namespace mpibench::testing
