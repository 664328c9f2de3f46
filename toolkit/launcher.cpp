#include "toolkit/launcher.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace mpibench {
namespace {

std::optional<int> number(const EnvironmentLookup& environment, const char* name) {
  const char* text = environment(name);
  if (text == nullptr) return std::nullopt;
  const std::string_view view(text);
  int value = 0;
  const auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), value);
  if (error != std::errc() || end != view.data() + view.size()) return std::nullopt;
  return value;
}

// The library's family and the launcher Debian installs for it.
struct Family {
  std::string_view name;
  std::string_view launcher;
};

std::optional<Family> family_of(std::string_view library) {
  if (library.find("Open MPI") != std::string_view::npos) return Family{"Open MPI", "mpiexec.openmpi"};
  if (library.find("MPICH") != std::string_view::npos) return Family{"MPICH", "mpiexec.mpich"};
  return std::nullopt;
}

}  // namespace

std::string_view launcher_name(Launcher launcher) {
  switch (launcher) {
    case Launcher::orte: return "Open MPI's mpirun (ORTE)";
    case Launcher::hydra: return "MPICH's hydra (mpiexec)";
    case Launcher::srun: return "Slurm (srun)";
    case Launcher::pmi: return "a PMI launcher";
    case Launcher::none: break;
  }
  return "none (singleton)";
}

std::string launch_text(const Launch& launch) {
  if (launch.launcher == Launcher::srun && !launch.plugin.empty()) return fmt::format("Slurm (srun --mpi={})", launch.plugin);
  return std::string(launcher_name(launch.launcher));
}

std::vector<std::pair<std::string, std::string>> slurm_job_of(const EnvironmentLookup& environment) {
  const auto value = [&](const char* name) -> std::string {
    const char* text = environment(name);
    return text ? text : "";
  };
  const std::string job = value("SLURM_JOB_ID");
  if (job.empty()) return {};
  std::string where;
  for (const auto& [what, name] : {std::pair{"cluster", "SLURM_CLUSTER_NAME"}, std::pair{"partition", "SLURM_JOB_PARTITION"}}) {
    if (const std::string text = value(name); !text.empty()) where += fmt::format("{}{} {}", where.empty() ? "" : ", ", what, text);
  }
  const std::string bind = value("SLURM_CPU_BIND");
  return {
      {"slurm_job", where.empty() ? job : fmt::format("{} ({})", job, where)},
      {"slurm_nodelist", value("SLURM_JOB_NODELIST")},
      {"slurm_tasks_per_node", value("SLURM_TASKS_PER_NODE")},
      {"slurm_cpu_bind", bind.empty() ? "not set (the binding column says where the ranks may run)" : bind},
  };
}

Launch launch_of(const EnvironmentLookup& environment) {
  const auto set = [&](const char* name) { return environment(name) != nullptr; };
  Launch launch;
  // srun's pmi2 plugin sets PMI_FD too, and hydra inside an allocation starts its proxies
  // with srun: hydra is told apart by its control descriptor, before srun's step.
  if (set("OMPI_COMM_WORLD_SIZE")) {
    launch = {Launcher::orte, number(environment, "OMPI_COMM_WORLD_SIZE")};
  } else if (set("HYDI_CONTROL_FD") || (set("PMI_FD") && !set("SLURM_STEP_ID"))) {
    launch = {Launcher::hydra, number(environment, "PMI_SIZE")};
  } else if (set("SLURM_STEP_ID")) {
    launch = {Launcher::srun, number(environment, "SLURM_STEP_NUM_TASKS")};
    if (!launch.ranks) launch.ranks = number(environment, "SLURM_NTASKS");
    if (const char* plugin = environment("SLURM_MPI_TYPE")) launch.plugin = plugin;
  } else if (set("PMI_RANK") || set("PMIX_RANK")) {
    launch = {Launcher::pmi, number(environment, "PMI_SIZE")};
  }
  for (const char* name : {"PMI_RANK", "OMPI_COMM_WORLD_RANK", "PMIX_RANK", "SLURM_PROCID"}) {
    if (const auto rank = number(environment, name)) {
      launch.rank = *rank;
      break;
    }
  }
  return launch;
}

Launch this_launch() {
  return launch_of([](const char* name) -> const char* { return std::getenv(name); });
}

std::optional<std::string> launch_mismatch(const Launch& launch, int world_size, std::string_view library) {
  if (world_size != 1 || !launch.ranks || *launch.ranks <= 1) return std::nullopt;
  const std::string_view short_name = library.substr(0, std::min(library.find_first_of(";,"), library.size()));
  const std::optional<Family> family = family_of(library);
  if (launch.launcher == Launcher::srun) {
    return fmt::format("started by srun as one of {} tasks, but the MPI library ({}) found no other: srun's "
                       "--mpi plugin does not reach it (Debian's MPICH: srun --mpi=pmi2; Open MPI: srun --mpi=pmix)",
                       *launch.ranks, short_name);
  }
  if (!family) {
    return fmt::format("started by {} as one of {} ranks, but the MPI library ({}) found no other: start it with "
                       "the launcher of the MPI library it was built with",
                       launcher_name(launch.launcher), *launch.ranks, short_name);
  }
  return fmt::format("started by {} as one of {} ranks, but built with {} ({}), which found no other: use {}",
                     launcher_name(launch.launcher), *launch.ranks, family->name, short_name, family->launcher);
}

}  // namespace mpibench
