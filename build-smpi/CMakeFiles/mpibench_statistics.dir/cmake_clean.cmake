file(REMOVE_RECURSE
  "CMakeFiles/mpibench_statistics.dir/bench/harness/stop_rule.cpp.o"
  "CMakeFiles/mpibench_statistics.dir/bench/harness/stop_rule.cpp.o.d"
  "CMakeFiles/mpibench_statistics.dir/bench/statistics/collective_costs.cpp.o"
  "CMakeFiles/mpibench_statistics.dir/bench/statistics/collective_costs.cpp.o.d"
  "CMakeFiles/mpibench_statistics.dir/bench/statistics/hockney_fit.cpp.o"
  "CMakeFiles/mpibench_statistics.dir/bench/statistics/hockney_fit.cpp.o.d"
  "CMakeFiles/mpibench_statistics.dir/bench/statistics/slow_links.cpp.o"
  "CMakeFiles/mpibench_statistics.dir/bench/statistics/slow_links.cpp.o.d"
  "CMakeFiles/mpibench_statistics.dir/bench/statistics/stats.cpp.o"
  "CMakeFiles/mpibench_statistics.dir/bench/statistics/stats.cpp.o.d"
  "CMakeFiles/mpibench_statistics.dir/bench/statistics/two_sample_stats.cpp.o"
  "CMakeFiles/mpibench_statistics.dir/bench/statistics/two_sample_stats.cpp.o.d"
  "libmpibench_statistics.a"
  "libmpibench_statistics.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/mpibench_statistics.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
