
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/bench/harness/stop_rule.cpp" "CMakeFiles/mpibench_statistics.dir/bench/harness/stop_rule.cpp.o" "gcc" "CMakeFiles/mpibench_statistics.dir/bench/harness/stop_rule.cpp.o.d"
  "/work/main/bench/statistics/collective_costs.cpp" "CMakeFiles/mpibench_statistics.dir/bench/statistics/collective_costs.cpp.o" "gcc" "CMakeFiles/mpibench_statistics.dir/bench/statistics/collective_costs.cpp.o.d"
  "/work/main/bench/statistics/hockney_fit.cpp" "CMakeFiles/mpibench_statistics.dir/bench/statistics/hockney_fit.cpp.o" "gcc" "CMakeFiles/mpibench_statistics.dir/bench/statistics/hockney_fit.cpp.o.d"
  "/work/main/bench/statistics/slow_links.cpp" "CMakeFiles/mpibench_statistics.dir/bench/statistics/slow_links.cpp.o" "gcc" "CMakeFiles/mpibench_statistics.dir/bench/statistics/slow_links.cpp.o.d"
  "/work/main/bench/statistics/stats.cpp" "CMakeFiles/mpibench_statistics.dir/bench/statistics/stats.cpp.o" "gcc" "CMakeFiles/mpibench_statistics.dir/bench/statistics/stats.cpp.o.d"
  "/work/main/bench/statistics/two_sample_stats.cpp" "CMakeFiles/mpibench_statistics.dir/bench/statistics/two_sample_stats.cpp.o" "gcc" "CMakeFiles/mpibench_statistics.dir/bench/statistics/two_sample_stats.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
