# The names a list file gives, one `MACRO(name)` line each (patterns/catalog.def,
# cli/commands.def): CMake builds the files they name, and a change to a list reconfigures.
function(mpibench_names_in list_file macro out_var)
  file(STRINGS ${list_file} _lines REGEX "^${macro}\\([a-z0-9_]+\\)")
  set(_names "")
  foreach(_line IN LISTS _lines)
    string(REGEX REPLACE "^${macro}\\(([a-z0-9_]+)\\).*" "\\1" _name "${_line}")
    list(APPEND _names ${_name})
  endforeach()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${list_file})
  set(${out_var} ${_names} PARENT_SCOPE)
endfunction()
