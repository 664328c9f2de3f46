file(REMOVE_RECURSE
  "CMakeFiles/mpibench_results.dir/results/async_endings.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/async_endings.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/benchmark_json_writer.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/benchmark_json_writer.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/collective_prediction.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/collective_prediction.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/comparison.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/comparison.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/csv_writer.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/csv_writer.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/launch_observations.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/launch_observations.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/output_formats.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/output_formats.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/output_target.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/output_target.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/outputs.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/outputs.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/point_to_point_model.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/point_to_point_model.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/record.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/record.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/result_file.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/result_file.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/schema.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/schema.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/table_writer.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/table_writer.cpp.o.d"
  "CMakeFiles/mpibench_results.dir/results/units.cpp.o"
  "CMakeFiles/mpibench_results.dir/results/units.cpp.o.d"
  "libmpibench_results.a"
  "libmpibench_results.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/mpibench_results.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
