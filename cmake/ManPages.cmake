# Manual pages, made at build time by help2man from the program's own --help, with what --help
# cannot carry (examples as roff, exit status, see also) from the same table of subcommands
# (cli/man_sections.cpp): mpibench(1), mpibench-COMMAND(1) for every pattern and command, and
# mpibench-plot(1). Gzipped as Debian wants them, installed in man1.
find_program(HELP2MAN help2man)
find_program(GZIP gzip REQUIRED)
if(NOT HELP2MAN)
  message(STATUS "mpibench: help2man not found: no manual pages (scripts/setup installs it)")
  return()
endif()

add_executable(mpibench_man_sections cli/man_sections.cpp)
target_link_libraries(mpibench_man_sections PRIVATE mpibench_cli mpibench_warnings)

set(_man_dir ${CMAKE_CURRENT_BINARY_DIR}/man)
file(MAKE_DIRECTORY ${_man_dir})
set(_version "${PROJECT_VERSION}")
set(MPIBENCH_MAN_PAGES "")

# One page: NAME (mpibench or mpibench-COMMAND), the program help2man runs, the word before
# --help ("" for the program itself), and the generator's arguments.
function(mpibench_man_page page program help_word)
  set(_include ${_man_dir}/${page}.h2m)
  set(_page ${_man_dir}/${page}.1)
  if(help_word STREQUAL "")
    set(_help_option "--help")
  else()
    set(_help_option "${help_word} --help")
  endif()
  add_custom_command(OUTPUT ${_page}.gz
    COMMAND ${ARGN}
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr "--help-option=${_help_option}"
            "--version-string=${page} ${_version}" --section=1 --include=${_include}
            --output=${_page} ${program}
    COMMAND ${GZIP} -n -9 -f ${_page}
    DEPENDS mpibench mpibench_man_sections ${program}
    COMMENT "Manual page ${page}(1)"
    VERBATIM)
  set(MPIBENCH_MAN_PAGES ${MPIBENCH_MAN_PAGES} ${_page}.gz PARENT_SCOPE)
endfunction()

mpibench_man_page(mpibench $<TARGET_FILE:mpibench> ""
  $<TARGET_FILE:mpibench_man_sections> ${_man_dir}/mpibench.h2m)
foreach(_name IN LISTS MPIBENCH_PATTERN_NAMES MPIBENCH_COMMAND_NAMES)
  mpibench_man_page(mpibench-${_name} $<TARGET_FILE:mpibench> ${_name}
    $<TARGET_FILE:mpibench_man_sections> ${_man_dir}/mpibench-${_name}.h2m ${_name})
endforeach()
file(WRITE ${_man_dir}/mpibench-plot.h2m
  "[NAME]\nmpibench-plot \\- draw mpibench results: time and bandwidth against size, link maps, models\n"
  "[SEE ALSO]\n.BR mpibench (1),\n.BR mpibench\\-model (1)\n")
mpibench_man_page(mpibench-plot ${CMAKE_CURRENT_SOURCE_DIR}/plots/mpibench-plot "" ${CMAKE_COMMAND} -E true)

add_custom_target(man_pages ALL DEPENDS ${MPIBENCH_MAN_PAGES})
install(FILES ${MPIBENCH_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
