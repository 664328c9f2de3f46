
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/patterns/allgather.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/allgather.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/allgather.cpp.o.d"
  "/work/main/patterns/allreduce.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/allreduce.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/allreduce.cpp.o.d"
  "/work/main/patterns/alltoall.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/alltoall.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/alltoall.cpp.o.d"
  "/work/main/patterns/bandwidth.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/bandwidth.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/bandwidth.cpp.o.d"
  "/work/main/patterns/barrier.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/barrier.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/barrier.cpp.o.d"
  "/work/main/patterns/bcast.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/bcast.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/bcast.cpp.o.d"
  "/work/main/patterns/bibw.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/bibw.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/bibw.cpp.o.d"
  "/work/main/patterns/catalog.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/catalog.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/catalog.cpp.o.d"
  "/work/main/patterns/gather.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/gather.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/gather.cpp.o.d"
  "/work/main/patterns/linkmap.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/linkmap.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/linkmap.cpp.o.d"
  "/work/main/patterns/multibw.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/multibw.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/multibw.cpp.o.d"
  "/work/main/patterns/operation_pattern.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/operation_pattern.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/operation_pattern.cpp.o.d"
  "/work/main/patterns/parts/pair.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/parts/pair.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/parts/pair.cpp.o.d"
  "/work/main/patterns/parts/reduce_collective.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/parts/reduce_collective.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/parts/reduce_collective.cpp.o.d"
  "/work/main/patterns/parts/round_robin.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/parts/round_robin.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/parts/round_robin.cpp.o.d"
  "/work/main/patterns/parts/task_protocol.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/parts/task_protocol.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/parts/task_protocol.cpp.o.d"
  "/work/main/patterns/parts/task_roles.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/parts/task_roles.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/parts/task_roles.cpp.o.d"
  "/work/main/patterns/parts/window.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/parts/window.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/parts/window.cpp.o.d"
  "/work/main/patterns/pattern_option.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/pattern_option.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/pattern_option.cpp.o.d"
  "/work/main/patterns/pingpong.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/pingpong.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/pingpong.cpp.o.d"
  "/work/main/patterns/reduce.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/reduce.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/reduce.cpp.o.d"
  "/work/main/patterns/reduce_local.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/reduce_local.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/reduce_local.cpp.o.d"
  "/work/main/patterns/scatter.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/scatter.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/scatter.cpp.o.d"
  "/work/main/patterns/taskqueue.cpp" "CMakeFiles/mpibench_patterns.dir/patterns/taskqueue.cpp.o" "gcc" "CMakeFiles/mpibench_patterns.dir/patterns/taskqueue.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-smpi/CMakeFiles/mpibench_toolkit.dir/DependInfo.cmake"
  "/work/main/build-smpi/CMakeFiles/mpibench_results.dir/DependInfo.cmake"
  "/work/main/build-smpi/CMakeFiles/mpibench_statistics.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
