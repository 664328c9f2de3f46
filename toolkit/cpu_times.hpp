#pragma once
// What the kernel counts of the CPUs' time, and of this process's: the busy-node probe's
// readings (bench/harness/busy_node).
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace mpibench {

// One CPU's counters, in clock ticks (USER_HZ). `busy` is user + nice + system: the time
// processes ran. Interrupts and softirqs are left out: the kernel charges the network work of
// mpibench's own messages there, not to its processes.
struct CpuTicks {
  std::uint64_t busy = 0;
  std::uint64_t steal = 0;  // the hypervisor ran something else while this CPU wanted to run
};

// Per CPU number, from the text of /proc/stat (its "cpuN user nice system idle iowait irq
// softirq steal …" lines; the summary "cpu" line and other lines are skipped).
std::map<int, CpuTicks> parse_proc_stat(std::string_view text);

// Now, from /proc/stat: empty where it cannot be read.
std::map<int, CpuTicks> read_cpu_ticks();
double ticks_per_second();
// The 1-minute load average, from /proc/loadavg.
std::optional<double> read_load_average();
// The CPUs this process may run on (its affinity mask).
std::vector<int> my_cpus();
// User and system time of this process, all its threads, in seconds.
double own_cpu_seconds();

}  // namespace mpibench
