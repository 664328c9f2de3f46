#include "toolkit/cpu_times.hpp"

#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <charconv>
#include <fstream>
#include <sstream>
#include <string>

namespace mpibench {
namespace {

std::string read_file(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The next whitespace-separated number of `line` from `at`, or nothing.
std::optional<std::uint64_t> next_number(std::string_view line, std::size_t& at) {
  while (at < line.size() && line[at] == ' ') ++at;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(line.data() + at, line.data() + line.size(), value);
  if (error != std::errc()) return std::nullopt;
  at = static_cast<std::size_t>(end - line.data());
  return value;
}

}  // namespace

std::map<int, CpuTicks> parse_proc_stat(std::string_view text) {
  std::map<int, CpuTicks> cpus;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    if (!line.starts_with("cpu") || line.size() < 4 || line[3] < '0' || line[3] > '9') continue;
    int cpu = 0;
    const auto [after, error] = std::from_chars(line.data() + 3, line.data() + line.size(), cpu);
    if (error != std::errc()) continue;
    std::size_t at = static_cast<std::size_t>(after - line.data());
    std::uint64_t fields[8] = {};  // user nice system idle iowait irq softirq steal
    std::size_t count = 0;
    for (; count < 8; ++count) {
      const auto value = next_number(line, at);
      if (!value) break;
      fields[count] = *value;
    }
    if (count < 3) continue;
    cpus[cpu] = CpuTicks{fields[0] + fields[1] + fields[2], fields[7]};
  }
  return cpus;
}

std::map<int, CpuTicks> read_cpu_ticks() { return parse_proc_stat(read_file("/proc/stat")); }

double ticks_per_second() { return static_cast<double>(sysconf(_SC_CLK_TCK)); }

std::optional<double> read_load_average() {
  std::ifstream in("/proc/loadavg");
  double load = 0;
  if (in >> load) return load;
  return std::nullopt;
}

std::vector<int> my_cpus() {
  std::vector<int> cpus;
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) != 0) return cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
  }
  return cpus;
}

double own_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace mpibench
