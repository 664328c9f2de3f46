# The flags a stack's launcher needs for the test suite, in one place. Open MPI's mpirun
# refuses more ranks than cores (tests run 3 and 4 ranks on 2 cores, to check correctness,
# never speed) and refuses to run as root (CI runs as root) unless told.
set(MPIBENCH_LAUNCHER_FLAGS "")
execute_process(COMMAND ${MPIEXEC_EXECUTABLE} --version OUTPUT_VARIABLE _launcher_version
                ERROR_VARIABLE _launcher_version RESULT_VARIABLE _launcher_rc)
if(_launcher_version MATCHES "Open MPI|OpenRTE")
  list(APPEND MPIBENCH_LAUNCHER_FLAGS --oversubscribe)
  execute_process(COMMAND id -u OUTPUT_VARIABLE _uid OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(_uid STREQUAL "0")
    list(APPEND MPIBENCH_LAUNCHER_FLAGS --allow-run-as-root)
  endif()
endif()
list(APPEND MPIBENCH_LAUNCHER_FLAGS ${MPIEXEC_PREFLAGS})
string(REPLACE ";" " " _shown_flags "${MPIBENCH_LAUNCHER_FLAGS}")
message(STATUS "mpibench: tests launch with ${MPIEXEC_EXECUTABLE} ${_shown_flags}")
