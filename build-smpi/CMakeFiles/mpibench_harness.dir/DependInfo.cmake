
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/bench/harness/clock_sync.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/clock_sync.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/clock_sync.cpp.o.d"
  "/work/main/bench/harness/job.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/job.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/job.cpp.o.d"
  "/work/main/bench/harness/measure_stages.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/measure_stages.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/measure_stages.cpp.o.d"
  "/work/main/bench/harness/memory_check.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/memory_check.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/memory_check.cpp.o.d"
  "/work/main/bench/harness/metadata.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/metadata.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/metadata.cpp.o.d"
  "/work/main/bench/harness/outputs_in_step.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/outputs_in_step.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/outputs_in_step.cpp.o.d"
  "/work/main/bench/harness/pattern_selection.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/pattern_selection.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/pattern_selection.cpp.o.d"
  "/work/main/bench/harness/placement.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/placement.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/placement.cpp.o.d"
  "/work/main/bench/harness/progress.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/progress.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/progress.cpp.o.d"
  "/work/main/bench/harness/rank_exchange.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/rank_exchange.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/rank_exchange.cpp.o.d"
  "/work/main/bench/harness/record_builder.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/record_builder.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/record_builder.cpp.o.d"
  "/work/main/bench/harness/repeat_summary.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/repeat_summary.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/repeat_summary.cpp.o.d"
  "/work/main/bench/harness/run_clock.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/run_clock.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/run_clock.cpp.o.d"
  "/work/main/bench/harness/run_config.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/run_config.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/run_config.cpp.o.d"
  "/work/main/bench/harness/runner.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/runner.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/runner.cpp.o.d"
  "/work/main/bench/harness/stages.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/stages.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/stages.cpp.o.d"
  "/work/main/bench/harness/sweep.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/sweep.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/sweep.cpp.o.d"
  "/work/main/bench/harness/warnings.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/warnings.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/warnings.cpp.o.d"
  "/work/main/bench/harness/watchdog.cpp" "CMakeFiles/mpibench_harness.dir/bench/harness/watchdog.cpp.o" "gcc" "CMakeFiles/mpibench_harness.dir/bench/harness/watchdog.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-smpi/CMakeFiles/mpibench_patterns.dir/DependInfo.cmake"
  "/work/main/build-smpi/CMakeFiles/mpibench_statistics.dir/DependInfo.cmake"
  "/work/main/build-smpi/CMakeFiles/mpibench_results.dir/DependInfo.cmake"
  "/work/main/build-smpi/CMakeFiles/mpibench_toolkit.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
