
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/results/async_endings.cpp" "CMakeFiles/mpibench_results.dir/results/async_endings.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/async_endings.cpp.o.d"
  "/work/main/results/benchmark_json_writer.cpp" "CMakeFiles/mpibench_results.dir/results/benchmark_json_writer.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/benchmark_json_writer.cpp.o.d"
  "/work/main/results/collective_prediction.cpp" "CMakeFiles/mpibench_results.dir/results/collective_prediction.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/collective_prediction.cpp.o.d"
  "/work/main/results/comparison.cpp" "CMakeFiles/mpibench_results.dir/results/comparison.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/comparison.cpp.o.d"
  "/work/main/results/csv_writer.cpp" "CMakeFiles/mpibench_results.dir/results/csv_writer.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/csv_writer.cpp.o.d"
  "/work/main/results/launch_observations.cpp" "CMakeFiles/mpibench_results.dir/results/launch_observations.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/launch_observations.cpp.o.d"
  "/work/main/results/output_formats.cpp" "CMakeFiles/mpibench_results.dir/results/output_formats.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/output_formats.cpp.o.d"
  "/work/main/results/output_target.cpp" "CMakeFiles/mpibench_results.dir/results/output_target.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/output_target.cpp.o.d"
  "/work/main/results/outputs.cpp" "CMakeFiles/mpibench_results.dir/results/outputs.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/outputs.cpp.o.d"
  "/work/main/results/point_to_point_model.cpp" "CMakeFiles/mpibench_results.dir/results/point_to_point_model.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/point_to_point_model.cpp.o.d"
  "/work/main/results/record.cpp" "CMakeFiles/mpibench_results.dir/results/record.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/record.cpp.o.d"
  "/work/main/results/result_file.cpp" "CMakeFiles/mpibench_results.dir/results/result_file.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/result_file.cpp.o.d"
  "/work/main/results/schema.cpp" "CMakeFiles/mpibench_results.dir/results/schema.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/schema.cpp.o.d"
  "/work/main/results/table_writer.cpp" "CMakeFiles/mpibench_results.dir/results/table_writer.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/table_writer.cpp.o.d"
  "/work/main/results/units.cpp" "CMakeFiles/mpibench_results.dir/results/units.cpp.o" "gcc" "CMakeFiles/mpibench_results.dir/results/units.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build-smpi/CMakeFiles/mpibench_statistics.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
