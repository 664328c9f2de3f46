#pragma once
// What the launcher that started this process left in its environment: which launcher it
// was, how many ranks it started and this process's rank among them. Read through a lookup so
// that tests can give any environment; this_launch() reads the process's own. Needs no MPI.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mpibench {

using EnvironmentLookup = std::function<const char*(const char*)>;

enum class Launcher { none, orte, hydra, srun, pmi };

// Its name for the metadata and messages: "Open MPI's mpirun (ORTE)", ..., "none (singleton)".
std::string_view launcher_name(Launcher launcher);

struct Launch {
  Launcher launcher = Launcher::none;
  std::optional<int> ranks;  // how many ranks it started, where it says
  int rank = 0;              // this process's rank as the launcher numbered it; 0 without one
  std::string plugin;        // srun's MPI plugin (--mpi=pmix, pmi2), where it says
};

Launch launch_of(const EnvironmentLookup& environment);
Launch this_launch();

// The metadata's launcher: its name, with srun's plugin ("Slurm (srun --mpi=pmix)").
std::string launch_text(const Launch& launch);

// The Slurm job the process runs in, as metadata (slurm_job, slurm_nodelist,
// slurm_tasks_per_node, slurm_cpu_bind); nothing outside a job. Inside `salloc` or `sbatch`
// too, whatever started the ranks.
std::vector<std::pair<std::string, std::string>> slurm_job_of(const EnvironmentLookup& environment);

// Why an MPI world of `world_size` ranks is not what the launcher started, with what to run
// instead, as one line; nothing when they agree. An MPI library started by another library's
// launcher finds no launcher of its own and runs alone, as a world of one, on every rank.
// `library` is the library's identification (MPI_Get_library_version).
std::optional<std::string> launch_mismatch(const Launch& launch, int world_size, std::string_view library);

}  // namespace mpibench
