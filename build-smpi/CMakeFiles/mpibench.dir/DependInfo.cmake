
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/cli/main.cpp" "CMakeFiles/mpibench.dir/cli/main.cpp.o" "gcc" "CMakeFiles/mpibench.dir/cli/main.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-smpi/CMakeFiles/mpibench_cli.dir/DependInfo.cmake"
  "/work/main/build-smpi/CMakeFiles/mpibench_harness.dir/DependInfo.cmake"
  "/work/main/build-smpi/CMakeFiles/mpibench_patterns.dir/DependInfo.cmake"
  "/work/main/build-smpi/CMakeFiles/mpibench_toolkit.dir/DependInfo.cmake"
  "/work/main/build-smpi/CMakeFiles/mpibench_results.dir/DependInfo.cmake"
  "/work/main/build-smpi/CMakeFiles/mpibench_statistics.dir/DependInfo.cmake"
  "/work/main/build-smpi/CMakeFiles/mpibench_cli_parse.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
