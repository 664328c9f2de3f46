# One INTERFACE target carries the warning flags, so every target opts in the same way.
# Declarations (pattern options, definitions) are designated initializers that leave the
# members with defaults out on purpose, which GCC 12's -Wmissing-field-initializers flags.
add_library(mpibench_warnings INTERFACE)
target_compile_options(mpibench_warnings INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor -Woverloaded-virtual -Wno-missing-field-initializers>
  $<$<COMPILE_LANG_AND_ID:C,GNU,Clang>:-Wall -Wextra>
)
