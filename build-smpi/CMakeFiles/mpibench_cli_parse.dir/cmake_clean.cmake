file(REMOVE_RECURSE
  "CMakeFiles/mpibench_cli_parse.dir/cli/precision.cpp.o"
  "CMakeFiles/mpibench_cli_parse.dir/cli/precision.cpp.o.d"
  "CMakeFiles/mpibench_cli_parse.dir/cli/size_list.cpp.o"
  "CMakeFiles/mpibench_cli_parse.dir/cli/size_list.cpp.o.d"
  "libmpibench_cli_parse.a"
  "libmpibench_cli_parse.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/mpibench_cli_parse.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
