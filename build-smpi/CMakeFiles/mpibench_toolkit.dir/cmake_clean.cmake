file(REMOVE_RECURSE
  "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/buffers.cpp.o"
  "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/buffers.cpp.o.d"
  "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/clock.cpp.o"
  "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/clock.cpp.o.d"
  "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/mpi_check.cpp.o"
  "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/mpi_check.cpp.o.d"
  "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/payload.cpp.o"
  "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/payload.cpp.o.d"
  "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/typed_elements.cpp.o"
  "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/typed_elements.cpp.o.d"
  "libmpibench_toolkit.a"
  "libmpibench_toolkit.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/mpibench_toolkit.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
