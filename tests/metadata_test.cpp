#include "bench/harness/metadata.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mpibench {
namespace {

TEST(LibraryVersion, OpenMpiCountsItsTerminatingNul) {
  const std::string raw("Open MPI v4.1.4, package: Debian OpenMPI\n\0", 42);
  EXPECT_EQ(library_version_text(raw), "Open MPI v4.1.4, package: Debian OpenMPI");
}

TEST(LibraryVersion, ShortLinesOfMpichJoined) {
  const std::string configure_line(150, 'x');
  EXPECT_EQ(library_version_text("MPICH Version:\t4.0.2\nMPICH Release date: Thu Apr  7 2022 \n" + configure_line +
                                 "\nMPICH Device:\tch4:ucx\n"),
            "MPICH Version: 4.0.2; MPICH Release date: Thu Apr  7 2022; MPICH Device: ch4:ucx");
}

TEST(LauncherVariables, BookkeepingIsLeftOutSettingsKept) {
  for (const char* name : {"OMPI_COMM_WORLD_RANK", "OMPI_MCA_orte_hnp_uri", "OMPI_MCA_orte_precondition_transports",
                           "OMPI_MCA_ess_base_jobid", "OMPI_ARGV", "OMPI_FILE_LOCATION", "HYDI_CONTROL_FD",
                           "MPIR_CVAR_CH3_INTERFACE_HOSTNAME", "OMPI_MCA_pmix"}) {
    EXPECT_TRUE(set_by_launcher(name)) << name;
  }
  for (const char* name : {"OMPI_MCA_btl", "OMPI_MCA_pml", "MPIR_CVAR_BCAST_INTRA_ALGORITHM", "UCX_TLS",
                           "UCX_RNDV_THRESH", "MPICH_ASYNC_PROGRESS"}) {
    EXPECT_FALSE(set_by_launcher(name)) << name;
  }
}

}  // namespace
}  // namespace mpibench
