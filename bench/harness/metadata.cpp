#include "bench/harness/metadata.hpp"

#include <mpi.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string_view>

#include "bench/harness/record_builder.hpp"
#include "statistics/collective_costs.hpp"
#include "toolkit/launcher.hpp"
#include "toolkit/simulation.hpp"
#include "build_info.hpp"

extern char** environ;

namespace mpibench {
namespace {

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// Variables that change how the MPI library behaves, so two runs can be told apart.
std::vector<std::pair<std::string, std::string>> mpi_environment() {
  constexpr std::string_view prefixes[] = {"MPIR_CVAR_", "MPICH_", "HYDRA_", "UCX_", "OMPI_",
                                           "I_MPI_", "FI_"};
  std::vector<std::pair<std::string, std::string>> found;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const auto equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view name = text.substr(0, equals);
    if (set_by_launcher(name)) continue;
    for (const std::string_view prefix : prefixes) {
      if (name.rfind(prefix, 0) == 0) {
        found.emplace_back(name, text.substr(equals + 1));
        break;
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item;
  }
  return joined;
}

}  // namespace

// MPI_Get_library_version is several lines for MPICH, some of them its whole configure
// line; the short lines (version, date, ABI, device) identify the library.
std::string library_version_text(std::string_view raw) {
  // Open MPI's reported length counts the terminating NUL: a NUL in a CSV makes grep call it
  // binary and plot titles show a missing glyph.
  std::string_view rest = raw.substr(0, std::min(raw.find('\0'), raw.size()));
  std::string kept;
  while (!rest.empty()) {
    const auto end = std::min(rest.find('\n'), rest.size());
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty() || line.size() > 100) continue;
    if (!kept.empty()) kept += "; ";
    for (const char c : line) kept += c == '\t' ? ' ' : c;
  }
  return kept;
}

std::string library_version() {
  char text[MPI_MAX_LIBRARY_VERSION_STRING] = {};
  int length = 0;
  MPI_Get_library_version(text, &length);
  return library_version_text(std::string_view(text, std::min<std::size_t>(static_cast<std::size_t>(length), sizeof(text))));
}

// What launchers set for their own bookkeeping (ranks, job ids, addresses, a per-job key,
// the command): not a setting a user chose, and different in every run.
bool set_by_launcher(std::string_view name) {
  constexpr std::string_view launcher_prefixes[] = {
      "OMPI_COMM_WORLD_", "OMPI_MCA_orte_", "OMPI_MCA_ess", "OMPI_MCA_pmix", "OMPI_APP_CTX_",
      "OMPI_MCA_initial_wdir", "OMPI_MCA_shmem_RUNTIME_QUERY_hint", "OMPI_MCA_mpi_oversubscribe",
      "OMPI_MCA_rmaps_base_oversubscribe", "OMPI_ARGV", "OMPI_COMMAND", "OMPI_FILE_LOCATION",
      "OMPI_FIRST_RANKS", "OMPI_NUM_APP_CTX", "OMPI_UNIVERSE_SIZE", "OMPI_MCA_hwloc_base_cpu_list",
      "HYDI_", "MPIR_CVAR_CH3_INTERFACE_HOSTNAME"};
  for (const std::string_view prefix : launcher_prefixes) {
    if (name.starts_with(prefix)) return true;
  }
  return false;
}

namespace {

// The algorithm of each collective the run measures, in one vocabulary (MPICH's names, as the
// cost models use them) whichever chose it: MPICH's control variable, or SMPI's setting.
// `model --predict` reads these.
void add_collective_algorithms(Metadata& m, const RunConfig& config) {
  for (const std::string& pattern : config.patterns) {
    if (!has_cost_model(pattern)) continue;
    std::string value;
    if constexpr (simulated) {
      const std::string chosen = simulator_setting("smpi/" + pattern);
      const std::string selector = simulator_setting("smpi/coll-selector");
      if (chosen == "default" || chosen == selector) {
        value = fmt::format("auto (SMPI's '{}' selector)", selector);
      } else if (const CollectiveAlgorithm* a = find_smpi_algorithm(pattern, chosen)) {
        value = fmt::format("{} (smpi/{}:{})", a->name, pattern, chosen);
      } else {
        value = fmt::format("smpi:{} (no cost model)", chosen);
      }
    } else {
      const char* pinned = std::getenv(algorithm_variable(pattern).c_str());
      value = pinned != nullptr && *pinned != '\0' && std::string_view(pinned) != "auto"
                  ? fmt::format("{} ({})", pinned, algorithm_variable(pattern))
                  : std::string("auto (the MPI library's choice)");
    }
    m.emplace_back("algorithm." + pattern, value);
  }
}

}  // namespace

Metadata collect_metadata(const RunConfig& config, const Placement& placement, const Clock& clock) {
  int major = 0;
  int minor = 0;
  MPI_Get_version(&major, &minor);
  Metadata m;
  m.emplace_back("schema_version", schema_version);
  m.emplace_back("mpibench_version", build_info::version);
  m.emplace_back("command_line", config.command_line);
  if (!config.options.empty()) m.emplace_back("options", config.options);
  m.emplace_back("date_utc", utc_now());
  m.emplace_back("mpi_library", library_version());
  m.emplace_back("mpi_standard", fmt::format("{}.{}", major, minor));
  m.emplace_back("launcher", launch_text(this_launch()));
  for (auto& entry : slurm_job_of([](const char* name) { return std::getenv(name); })) m.push_back(std::move(entry));
  m.emplace_back("ranks_launched", fmt::format("{}", placement.ranks_launched));
  m.emplace_back("nodes", fmt::format("{}", placement.nodes));
  m.emplace_back("ranks_per_node", fmt::format("{}", placement.max_ranks_per_node));
  m.emplace_back("hosts", join(placement.hosts, " "));
  m.emplace_back("machines", fmt::format("{}", placement.machines));
  std::string rank_hosts;
  for (std::size_t r = 0; r < placement.host_of_rank.size(); ++r) {
    rank_hosts += fmt::format("{}{}:{}", r == 0 ? "" : " ", r, placement.host_of_rank[r]);
  }
  m.emplace_back("rank_hosts", rank_hosts);
  m.emplace_back("processor", simulated ? "simulated hosts (see 'simulated')" : placement.processor);
  m.emplace_back("usable_cores_per_node", fmt::format("{}", placement.usable_cores_on_my_node));
  m.emplace_back("oversubscribed", placement.oversubscribed ? "yes" : "no");
  if constexpr (simulated) {
    // Hosts, ranks, cores and times above and below are the simulated ones.
    m.emplace_back("simulated", fmt::format("yes: {}; hosts, cores and times are simulated; the real "
                                            "machine that ran the simulation: {}",
                                            simulation_description(), placement.processor));
    m.emplace_back("simulated_computation",
                   simulated_computation_is_free()
                       ? "free (smpi/simulate-computation:no): local work, a reduction's arithmetic included, takes no time"
                       : "the real machine's time, scaled by smpi/host-speed (smpi/simulate-computation:yes)");
  }
  if (placement.ranks_busy_at_once > 0 && placement.ranks_busy_at_once < placement.ranks_launched) {
    m.emplace_back("ranks_busy_at_once",
                   fmt::format("{} (the other ranks wait without spinning while they measure)",
                               placement.ranks_busy_at_once));
  }
  m.emplace_back("binding", simulated ? "none (simulated ranks)" : placement.binding);
  if constexpr (!simulated) {
    m.emplace_back("topology", placement.topology);
    m.emplace_back("rank_topology", placement.rank_topology);
    m.emplace_back("devices", placement.devices);
  }
  m.emplace_back("timer", clock.name);
  m.emplace_back("timer_resolution_ns", fmt::format("{:.3g}", clock.resolution_s * 1e9));
  m.emplace_back("timer_cost_ns", fmt::format("{:.3g}", clock.cost_s * 1e9));
  m.emplace_back("min_batch_us", fmt::format("{:.3g}", min_batch_seconds(clock) * 1e6));
  m.emplace_back("stop_rule", config.make_stop_rule()->metadata_text());
  m.emplace_back("drop_outliers", config.drop_outliers ? "yes" : "no");
  m.emplace_back("sync", config.sync == SyncMethod::window
                             ? "window: collectives start at an agreed time on clocks synchronized to rank 0"
                             : "barrier: every sample starts after MPI_Barrier");
  m.emplace_back("repeat", fmt::format("{} (seed {})", config.repeat, config.seed));
  m.emplace_back("warmup", fmt::format("at least {} operations and {} s per size, until the "
                                       "batch size settles", config.warmup_ops,
                                       config.warmup_time_s));
  m.emplace_back("validate", config.validate ? "yes" : "no");
  add_collective_algorithms(m, config);
  m.emplace_back("compiler", build_info::compiler);
  m.emplace_back("cxx_flags", build_info::cxx_flags);
  m.emplace_back("build_type", build_info::build_type);
  for (const auto& [name, value] : mpi_environment()) m.emplace_back("env." + name, value);
  return m;
}

}  // namespace mpibench
