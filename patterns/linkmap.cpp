// All-pairs link map, as LLNL's mpiGraph: the endpoints are hosts (the first rank of each)
// or, on one host or with --endpoints ranks, ranks. Rounds of disjoint pairs cover every
// unordered pair once (patterns/parts/round_robin.hpp); each pair measures latency
// (pingpong, one row per unordered pair) and bandwidth both ways (one row per direction).
// `--concurrency 1` measures one pair at a time while the other ranks sleep in a barrier;
// `all` runs a round's pairs at once, loading the fabric. The rows are pingpong's and
// bandwidth's own, with the link's cells; the verdict then flags links and hosts far worse
// than the rest (bench/statistics/slow_links.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "bench/statistics/slow_links.hpp"
#include "bench/statistics/stats.hpp"
#include "patterns/definition.hpp"
#include "patterns/parts/round_robin.hpp"
#include "patterns/parts/window.hpp"

namespace mpibench {
namespace {

constexpr PatternOption endpoints_option{
    .flags = "--endpoints",
    .kind = OptionKind::text,
    .default_text = "hosts",
    .type_name = "WHAT",
    .help = "hosts: the first rank of each host is an endpoint (every rank when all are on "
            "one host); ranks: every rank is one",
    .choices = "hosts ranks",
};
constexpr PatternOption concurrency_option{
    .flags = "--concurrency",
    .kind = OptionKind::text,
    .default_text = "1",
    .type_name = "HOW",
    .help = "1: one pair at a time, the other ranks waiting without spinning (the honest "
            "choice when ranks share cores); all: a round's pairs at once, loading the fabric "
            "as mpiGraph does",
    .choices = "1 all",
};
constexpr PatternOption latency_bytes_option{
    .flags = "--latency-bytes",
    .kind = OptionKind::integer,
    .default_text = "8",
    .type_name = "BYTES",
    .help = "Message size of the latency (ping-pong) measurement, in bytes",
    .min = 0,
    .max = 2147483647,
};
constexpr PatternOption bandwidth_bytes_option{
    .flags = "--bandwidth-bytes",
    .kind = OptionKind::integer,
    .default_text = "1048576",
    .type_name = "BYTES",
    .help = "Message size of the bandwidth (streaming) measurement, in bytes",
    .min = 1,
    .max = 2147483647,
};
constexpr PatternOption fail_on_outliers_option{
    .flags = "--fail-on-outliers",
    .kind = OptionKind::flag,
    .default_text = "",
    .type_name = "",
    .help = "Exit 1 (after writing every output) when the verdict flags a link or a host: a "
            "gate for cluster acceptance tests",
};
constexpr PatternOption outlier_change_option{
    .flags = "--outlier-change",
    .kind = OptionKind::real,
    .default_text = "0.25",
    .type_name = "FRACTION",
    .help = "The verdict flags a link or host at least this much worse than the median (0.25: "
            "25%), and also beyond 3.5 robust standard deviations (MAD) of the links",
    .min = 0,
    .max = 1,
    .min_excluded = true,
};
constexpr std::array<const PatternOption*, 8> options{
    &endpoints_option,       &concurrency_option,      &latency_bytes_option,
    &bandwidth_bytes_option, &window_option,           &receive_buffers_option,
    &outlier_change_option,  &fail_on_outliers_option};

constexpr std::array columns{
    Column{"metric", "", ColumnRole::configuration, ColumnType::text, true},
    Column{"src_host", "", ColumnRole::configuration, ColumnType::text, true},
    Column{"dst_host", "", ColumnRole::configuration, ColumnType::text, true},
    Column{"src_rank", "", ColumnRole::configuration, ColumnType::integer, true},
    Column{"dst_rank", "", ColumnRole::configuration, ColumnType::integer, true},
    Column{"round", "", ColumnRole::configuration, ColumnType::integer, false},
    Column{"concurrency", "", ColumnRole::configuration, ColumnType::text, false},
    window_column,
    receive_buffers_column,
};

constexpr std::array results{messages_per_s_column};  // of the bandwidth rows

constexpr std::string_view latency = "latency";
constexpr std::string_view bandwidth = "bandwidth";

std::vector<int> endpoint_ranks(const OptionValues& values, std::span<const std::string> host_of_rank) {
  std::vector<int> ranks;
  std::vector<std::string_view> seen;
  for (std::size_t r = 0; r < host_of_rank.size(); ++r) {
    if (values.text(endpoints_option) == "hosts") {
      if (std::find(seen.begin(), seen.end(), host_of_rank[r]) != seen.end()) continue;
      seen.push_back(host_of_rank[r]);
    }
    ranks.push_back(static_cast<int>(r));
  }
  if (ranks.size() < 2) {  // one host: its ranks are the endpoints
    ranks.resize(host_of_rank.size());
    for (std::size_t r = 0; r < ranks.size(); ++r) ranks[r] = static_cast<int>(r);
  }
  return ranks;
}

StepGroup link_group(std::string_view metric, int src, int dst, int round, const OptionValues& values,
                     std::span<const std::string> host_of_rank) {
  Record cells;
  cells.set("pattern", std::string("linkmap"))
      .set("metric", std::string(metric))
      .set("src_host", host_of_rank[static_cast<std::size_t>(src)])
      .set("dst_host", host_of_rank[static_cast<std::size_t>(dst)])
      .set("src_rank", std::int64_t{src})
      .set("dst_rank", std::int64_t{dst})
      .set("round", std::int64_t{round})
      .set("concurrency", values.text(concurrency_option));
  return StepGroup{{src, dst}, std::move(cells)};
}

std::variant<std::vector<Step>, std::string> linkmap_steps(const OptionValues& values,
                                                           std::span<const std::string> host_of_rank) {
  const std::vector<int> ranks = endpoint_ranks(values, host_of_rank);
  const std::vector<std::uint64_t> latency_sizes{static_cast<std::uint64_t>(values.integer(latency_bytes_option))};
  const std::vector<std::uint64_t> bandwidth_sizes{static_cast<std::uint64_t>(values.integer(bandwidth_bytes_option))};
  const bool at_once = values.text(concurrency_option) == "all";
  std::vector<Step> steps;
  const std::vector<Round> rounds = round_robin_rounds(static_cast<int>(ranks.size()));
  for (std::size_t r = 0; r < rounds.size(); ++r) {
    const int round = static_cast<int>(r) + 1;
    // Per pair: latency, then bandwidth from the lower endpoint, then back.
    const std::array<Step, 3> kinds{Step{&pingpong_pattern, latency_sizes, {}},
                                    Step{&bandwidth_pattern, bandwidth_sizes, {}},
                                    Step{&bandwidth_pattern, bandwidth_sizes, {}}};
    std::array<Step, 3> round_steps = kinds;
    for (const auto& [lower, higher] : rounds[r]) {
      const int a = ranks[static_cast<std::size_t>(lower)];
      const int b = ranks[static_cast<std::size_t>(higher)];
      const std::array<StepGroup, 3> groups{link_group(latency, a, b, round, values, host_of_rank),
                                            link_group(bandwidth, a, b, round, values, host_of_rank),
                                            link_group(bandwidth, b, a, round, values, host_of_rank)};
      for (std::size_t k = 0; k < groups.size(); ++k) {
        if (at_once) {
          round_steps[k].groups.push_back(groups[k]);
        } else {
          Step step = kinds[k];
          step.groups.push_back(groups[k]);
          steps.push_back(std::move(step));
        }
      }
    }
    if (at_once) steps.insert(steps.end(), round_steps.begin(), round_steps.end());
  }
  return steps;
}

// ---- the verdict -----------------------------------------------------------------------

double median_of(const std::vector<double>& values) { return summarize(values).median; }

template <class T>
const T* cell(const Record& row, std::string_view column) {
  const Cell* found = row.find(column);
  return found ? std::get_if<T>(found) : nullptr;
}

std::string verdict_line(std::string_view metric, std::span<const LinkValue> links,
                         const std::vector<std::string>& names, const SlowLinks& slow, bool directed) {
  const bool is_bandwidth = metric == bandwidth;
  const std::string_view unit = is_bandwidth ? "MB/s" : "us";
  const auto figure = [&](double value) { return fmt::format("{:.{}f} {}", value, is_bandwidth ? 0 : 2, unit); };
  const bool flagged = !slow.hosts.empty() || !slow.links.empty();
  std::string line = fmt::format("linkmap {}: {} link{}{}, median {}{}", metric, links.size(),
                                 links.size() == 1 ? "" : "s", directed ? " (each direction one)" : "",
                                 figure(slow.reference_median),
                                 flagged && names.size() >= 3 ? " without the flagged hosts" : "");
  if (names.size() < 3) return line + "; three endpoints or more are needed to single out a link or a host";
  if (slow.hosts.empty() && slow.links.empty()) return line + "; none far from it";
  std::vector<std::string> hosts;
  for (const int host : slow.hosts) hosts.push_back(names[static_cast<std::size_t>(host)]);
  std::vector<std::string> slow_links;
  for (const std::size_t i : slow.links) {
    const LinkValue& link = links[i];
    const double change = slow.reference_median > 0 ? (link.value / slow.reference_median - 1) * 100 : 0;
    slow_links.push_back(fmt::format("{}{}{} {} ({:+.0f}%)", names[static_cast<std::size_t>(link.a)],
                                  directed ? "->" : "-", names[static_cast<std::size_t>(link.b)],
                                  figure(link.value), change));
  }
  if (!hosts.empty()) line += fmt::format("; slow hosts: {}", fmt::join(hosts, " "));
  if (!slow_links.empty()) line += fmt::format("; slow links: {}", fmt::join(slow_links, ", "));
  return line;
}

RowsVerdict linkmap_verdict(std::span<const Record> rows, const OptionValues& values) {
  // Per link and metric, its figures over repeats: the median, and the best its CI allows.
  struct Figures {
    std::vector<double> values;
    std::vector<double> bests;
  };
  std::map<std::tuple<std::string, int, int>, Figures> figures;
  std::map<int, std::string> host_of;
  for (const Record& row : rows) {
    const auto* metric = cell<std::string>(row, "metric");
    const auto* src = cell<std::int64_t>(row, "src_rank");
    const auto* dst = cell<std::int64_t>(row, "dst_rank");
    const auto* median = cell<double>(row, "median_us");
    const auto* fastest = cell<double>(row, "ci_low_us");  // the favourable end of the median's CI
    const auto* rate = cell<double>(row, "bandwidth_mb_s");
    if (!metric || !src || !dst || !median || !fastest || !rate) continue;
    auto& link = figures[{*metric, static_cast<int>(*src), static_cast<int>(*dst)}];
    if (*metric == bandwidth) {
      link.values.push_back(*rate);
      link.bests.push_back(*fastest > 0 ? *rate * *median / *fastest : *rate);
    } else {
      link.values.push_back(*median);
      link.bests.push_back(*fastest);
    }
    host_of[static_cast<int>(*src)] = *cell<std::string>(row, "src_host");
    host_of[static_cast<int>(*dst)] = *cell<std::string>(row, "dst_host");
  }
  // Endpoints by index; named by host, or host:rank where a host has several endpoints.
  std::map<int, int> index;
  std::vector<std::string> names;
  std::vector<std::string> hosts;
  for (const auto& [rank, host] : host_of) hosts.push_back(host);
  const bool unique_hosts = std::set<std::string>(hosts.begin(), hosts.end()).size() == hosts.size();
  for (const auto& [rank, host] : host_of) {
    index[rank] = static_cast<int>(names.size());
    names.push_back(unique_hosts ? host : fmt::format("{}:{}", host, rank));
  }
  RowsVerdict verdict;
  bool flagged = false;
  for (const std::string_view metric : {latency, bandwidth}) {
    std::vector<LinkValue> links;
    for (const auto& [key, link] : figures) {
      if (std::get<0>(key) != metric) continue;
      links.push_back(LinkValue{index[std::get<1>(key)], index[std::get<2>(key)], median_of(link.values),
                                median_of(link.bests)});
    }
    if (links.empty()) continue;
    const SlowLinks slow = find_slow_links(links, static_cast<int>(names.size()),
                                           SlowLinkRule{.higher_is_better = metric == bandwidth,
                                                        .min_change = values.real(outlier_change_option)});
    if (names.size() >= 3) flagged = flagged || !slow.hosts.empty() || !slow.links.empty();
    verdict.lines.push_back(verdict_line(metric, links, names, slow, metric == bandwidth));
  }
  if (flagged && values.flag(fail_on_outliers_option)) {
    verdict.failure = "linkmap flagged slow links or hosts (--fail-on-outliers)";
  }
  return verdict;
}

}  // namespace

constinit const PatternDefinition linkmap_pattern{
    .name = "linkmap",
    .summary = "all-pairs link map (as mpiGraph): latency and bandwidth of every pair of hosts, "
               "in rounds of disjoint pairs, and the links and hosts far below the rest",
    .sized_by = "--latency-bytes and --bandwidth-bytes",
    .options = options,
    .configuration_columns = columns,
    .result_columns = results,
    .steps = linkmap_steps,
    .verdict = linkmap_verdict,
};

}  // namespace mpibench
