# What built this binary goes into every result's metadata, so a figure can be traced to
# the exact source and flags. git describe runs at configure time; scripts/setup always
# re-configures, so the version follows the checkout.
find_package(Git QUIET)
set(MPIBENCH_GIT_DESCRIBE "${PROJECT_VERSION}")
if(GIT_FOUND)
  execute_process(
    COMMAND ${GIT_EXECUTABLE} describe --always --dirty --tags
    WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
    OUTPUT_VARIABLE _describe OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
    RESULT_VARIABLE _describe_rc)
  if(_describe_rc EQUAL 0 AND _describe)
    set(MPIBENCH_GIT_DESCRIBE "${PROJECT_VERSION}-${_describe}")
  endif()
endif()
string(TOUPPER "${CMAKE_BUILD_TYPE}" _build_type_upper)
set(MPIBENCH_COMPILER "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}")
string(STRIP "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${_build_type_upper}}" MPIBENCH_CXX_FLAGS)
set(MPIBENCH_BUILD_TYPE "${CMAKE_BUILD_TYPE}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/build_info.hpp.in
               ${CMAKE_CURRENT_BINARY_DIR}/generated/build_info.hpp @ONLY)
add_library(mpibench_build_info INTERFACE)
target_include_directories(mpibench_build_info INTERFACE ${CMAKE_CURRENT_BINARY_DIR}/generated)
