#include "toolkit/launcher.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace mpibench {
namespace {

Launch launch_in(const std::map<std::string, std::string>& variables) {
  return launch_of([&](const char* name) -> const char* {
    const auto found = variables.find(name);
    return found == variables.end() ? nullptr : found->second.c_str();
  });
}

constexpr std::string_view mpich = "MPICH Version: 4.0.2; MPICH Release date: Thu Apr  7 2022; MPICH Device: ch4:ucx";
constexpr std::string_view open_mpi = "Open MPI v4.1.4, package: Debian OpenMPI";

// The variables each launcher sets, as printed by `env` under it on this machine.
const std::map<std::string, std::string> hydra{{"PMI_FD", "6"}, {"HYDI_CONTROL_FD", "7"}, {"PMI_RANK", "1"},
                                               {"PMI_SIZE", "2"}};
const std::map<std::string, std::string> orte{{"OMPI_COMM_WORLD_SIZE", "2"}, {"OMPI_COMM_WORLD_RANK", "0"},
                                              {"PMIX_RANK", "0"}};
const std::map<std::string, std::string> srun_pmi2{{"SLURM_STEP_ID", "0"}, {"SLURM_STEP_NUM_TASKS", "4"},
                                                   {"SLURM_PROCID", "3"}, {"PMI_FD", "5"}, {"PMI_RANK", "3"},
                                                   {"PMI_SIZE", "4"}};

TEST(Launch, EachLauncherItsNameRanksAndRank) {
  const Launch by_hydra = launch_in(hydra);
  EXPECT_EQ(by_hydra.launcher, Launcher::hydra);
  EXPECT_EQ(by_hydra.ranks, 2);
  EXPECT_EQ(by_hydra.rank, 1);
  const Launch by_orte = launch_in(orte);
  EXPECT_EQ(by_orte.launcher, Launcher::orte);
  EXPECT_EQ(by_orte.ranks, 2);
  EXPECT_EQ(by_orte.rank, 0);
  const Launch alone = launch_in({});
  EXPECT_EQ(alone.launcher, Launcher::none);
  EXPECT_EQ(launcher_name(alone.launcher), "none (singleton)");
  EXPECT_FALSE(alone.ranks);
  EXPECT_EQ(alone.rank, 0);
}

TEST(Launch, SrunsPmi2IsNotHydra) {
  const Launch launch = launch_in(srun_pmi2);
  EXPECT_EQ(launch.launcher, Launcher::srun);
  EXPECT_EQ(launcher_name(launch.launcher), "Slurm (srun)");
  EXPECT_EQ(launch.ranks, 4);
  EXPECT_EQ(launch.rank, 3);
}

TEST(LaunchMismatch, OtherLibrarysLauncherNamesTheRightOne) {
  EXPECT_EQ(launch_mismatch(launch_in(orte), 1, mpich),
            "started by Open MPI's mpirun (ORTE) as one of 2 ranks, but built with MPICH (MPICH Version: 4.0.2), "
            "which found no other: use mpiexec.mpich");
  EXPECT_EQ(launch_mismatch(launch_in(hydra), 1, open_mpi),
            "started by MPICH's hydra (mpiexec) as one of 2 ranks, but built with Open MPI (Open MPI v4.1.4), "
            "which found no other: use mpiexec.openmpi");
  const auto srun = launch_mismatch(launch_in(srun_pmi2), 1, mpich);
  ASSERT_TRUE(srun);
  EXPECT_NE(srun->find("srun --mpi=pmi2"), std::string::npos) << *srun;
}

TEST(LaunchMismatch, NoneWhenTheWorldIsWhatWasLaunched) {
  EXPECT_FALSE(launch_mismatch(launch_in(hydra), 2, mpich));
  EXPECT_FALSE(launch_mismatch(launch_in({}), 1, mpich));  // a singleton by choice
  EXPECT_FALSE(launch_mismatch(launch_in({{"PMI_FD", "6"}, {"PMI_RANK", "0"}, {"PMI_SIZE", "1"}}), 1, mpich));
}

}  // namespace
}  // namespace mpibench

namespace mpibench {
namespace {

// As `env` printed them in a step of the test bed's Slurm (srun --mpi=pmix, 2 nodes).
const std::map<std::string, std::string> srun_pmix{
    {"SLURM_STEP_ID", "0"},          {"SLURM_STEP_NUM_TASKS", "2"},   {"SLURM_PROCID", "1"},
    {"PMIX_RANK", "1"},              {"SLURM_MPI_TYPE", "pmix"},      {"SLURM_JOB_ID", "17"},
    {"SLURM_CLUSTER_NAME", "testbed"}, {"SLURM_JOB_PARTITION", "debug"}, {"SLURM_JOB_NODELIST", "h[1-2]"},
    {"SLURM_TASKS_PER_NODE", "1(x2)"}};

const char* lookup(const std::map<std::string, std::string>& variables, const char* name) {
  const auto found = variables.find(name);
  return found == variables.end() ? nullptr : found->second.c_str();
}

TEST(Launch, SrunNamesItsPluginAndTheJob) {
  const auto env = [](const char* name) { return lookup(srun_pmix, name); };
  const Launch launch = launch_of(env);
  EXPECT_EQ(launch.launcher, Launcher::srun);
  EXPECT_EQ(launch.rank, 1);
  EXPECT_EQ(launch_text(launch), "Slurm (srun --mpi=pmix)");
  const auto job = slurm_job_of(env);
  ASSERT_EQ(job.size(), 4u);
  EXPECT_EQ(job[0], (std::pair<std::string, std::string>{"slurm_job", "17 (cluster testbed, partition debug)"}));
  EXPECT_EQ(job[1].second, "h[1-2]");
  EXPECT_EQ(job[2].second, "1(x2)");
  EXPECT_EQ(job[3].first, "slurm_cpu_bind");
  EXPECT_TRUE(job[3].second.starts_with("not set")) << job[3].second;
  // Outside a job: nothing; hydra's name has no plugin.
  EXPECT_TRUE(slurm_job_of([](const char*) -> const char* { return nullptr; }).empty());
  EXPECT_EQ(launch_text(Launch{Launcher::hydra, 2, 0, ""}), "MPICH's hydra (mpiexec)");
}

}  // namespace
}  // namespace mpibench
