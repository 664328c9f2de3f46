
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/bench/toolkit/buffers.cpp" "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/buffers.cpp.o" "gcc" "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/buffers.cpp.o.d"
  "/work/main/bench/toolkit/clock.cpp" "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/clock.cpp.o" "gcc" "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/clock.cpp.o.d"
  "/work/main/bench/toolkit/mpi_check.cpp" "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/mpi_check.cpp.o" "gcc" "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/mpi_check.cpp.o.d"
  "/work/main/bench/toolkit/payload.cpp" "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/payload.cpp.o" "gcc" "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/payload.cpp.o.d"
  "/work/main/bench/toolkit/typed_elements.cpp" "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/typed_elements.cpp.o" "gcc" "CMakeFiles/mpibench_toolkit.dir/bench/toolkit/typed_elements.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
