file(REMOVE_RECURSE
  "CMakeFiles/mpibench.dir/cli/main.cpp.o"
  "CMakeFiles/mpibench.dir/cli/main.cpp.o.d"
  "mpibench"
  "mpibench.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/mpibench.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
