# What `cmake --install` puts where, and the Debian package cpack makes of it. The package
# says which MPI stack it was built for, and depends on that stack's launcher and libraries.
include(GNUInstallDirs)
install(TARGETS mpibench RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(PROGRAMS plots/mpibench-plot DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES plots/plot.py plots/mpibench_csv.py plots/linkmap_heatmap.py plots/model_lines.py plots/axes_style.py DESTINATION ${CMAKE_INSTALL_DATADIR}/mpibench/plots)
install(FILES README.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Debian's place for the licence, as lintian looks for it.
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

# The stack, from the library FindMPI found (MPI_C_COMPILER picks it: mpicc.mpich or
# mpicc.openmpi, never the mpicc alternative).
if(MPI_C_LIBRARY_VERSION_STRING MATCHES "Open MPI" OR MPI_C_LIBRARIES MATCHES "openmpi")
  set(MPIBENCH_MPI_STACK openmpi)
  set(_launcher_package openmpi-bin)
else()
  set(MPIBENCH_MPI_STACK mpich)
  set(_launcher_package mpich)
endif()
message(STATUS "mpibench: building against ${MPIBENCH_MPI_STACK} (${MPI_C_COMPILER})")

set(CPACK_PACKAGE_NAME mpibench)
set(CPACK_PACKAGE_VENDOR "the mpibench authors")
set(CPACK_PACKAGE_CONTACT "the mpibench authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "MPI message-passing benchmarks (built for ${MPIBENCH_MPI_STACK})")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# dpkg-shlibdeps adds the libraries the program links (the MPI library among them); the
# launcher and the plot tool's Python are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_launcher_package}, python3, python3-matplotlib")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "MPI message-passing benchmarks (built for ${MPIBENCH_MPI_STACK})\nMeasures point-to-point latency and bandwidth, collectives and a task-queue round trip over MPI, with per-size statistics, CSV/JSON output, plots (mpibench-plot) and a regression gate (mpibench compare). Built for ${MPIBENCH_MPI_STACK}: run it with that stack's launcher, e.g. mpirun.${MPIBENCH_MPI_STACK} -n 2 mpibench pingpong.")
set(CPACK_GENERATOR DEB)
include(CPack)
