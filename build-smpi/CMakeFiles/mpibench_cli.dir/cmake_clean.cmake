file(REMOVE_RECURSE
  "CMakeFiles/mpibench_cli.dir/cli/compare_command.cpp.o"
  "CMakeFiles/mpibench_cli.dir/cli/compare_command.cpp.o.d"
  "CMakeFiles/mpibench_cli.dir/cli/model_command.cpp.o"
  "CMakeFiles/mpibench_cli.dir/cli/model_command.cpp.o.d"
  "CMakeFiles/mpibench_cli.dir/cli/offline_command.cpp.o"
  "CMakeFiles/mpibench_cli.dir/cli/offline_command.cpp.o.d"
  "CMakeFiles/mpibench_cli.dir/cli/option_groups.cpp.o"
  "CMakeFiles/mpibench_cli.dir/cli/option_groups.cpp.o.d"
  "CMakeFiles/mpibench_cli.dir/cli/options.cpp.o"
  "CMakeFiles/mpibench_cli.dir/cli/options.cpp.o.d"
  "libmpibench_cli.a"
  "libmpibench_cli.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/mpibench_cli.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
