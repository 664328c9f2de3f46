// All-pairs link map, as LLNL's mpiGraph: the endpoints are hosts (the first rank of each)
// or, on one host or with --endpoints ranks, ranks. Rounds of disjoint pairs cover every
// unordered pair once (patterns/parts/round_robin.hpp); each pair measures latency
// (pingpong, one row per unordered pair) and bandwidth both ways (one row per direction).
// `--concurrency 1` measures one pair at a time while the other ranks sleep in a barrier;
// `all` runs a round's pairs at once, loading the fabric. The rows are pingpong's and
// bandwidth's own, with the link's cells; the verdict then flags links and hosts far worse
// than the rest (statistics/slow_links.hpp). What it would flag is measured once more
// first (`pass` 2), and only what stays slow is flagged: a shared machine slows a healthy
// link now and then, for one measurement; a broken link stays slow.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "statistics/slow_links.hpp"
#include "statistics/stats.hpp"
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
    .help = "Message size of the latency (ping-pong) measurement, in bytes (K, M suffixes as --sizes)",
    .min = 0,
    .max = 2147483647,
    .bytes = true,
};
constexpr PatternOption bandwidth_bytes_option{
    .flags = "--bandwidth-bytes",
    .kind = OptionKind::integer,
    .default_text = "1048576",
    .type_name = "BYTES",
    .help = "Message size of the bandwidth (streaming) measurement, in bytes (K, M suffixes as --sizes)",
    .min = 1,
    .max = 2147483647,
    .bytes = true,
};
// mpiGraph's documented run streams 1 MiB messages ten at a time: enough in flight to fill a
// link, and a sixth of the data (and simulated messages) of the bandwidth pattern's window of
// 64, whose separate receive buffers (64 MiB) also fall out of cache where both ends share a
// host. The link map's window is its own, so that `all` keeps one --window for the others.
constexpr PatternOption bandwidth_window_option{
    .flags = "--bandwidth-window",
    .kind = OptionKind::integer,
    .default_text = "10",
    .type_name = "W",
    .help = "Messages in flight in the bandwidth measurement (one operation = a window of sends "
            "and one acknowledgement), as mpiGraph's window",
    .min = 1,
    .max = 4096,
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
    &bandwidth_bytes_option, &bandwidth_window_option, &receive_buffers_option,
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
    pass_column,
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
      .set("concurrency", values.text(concurrency_option))
      .set(std::string(pass_column.name), std::int64_t{1});
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

// The bandwidth steps stream the link map's own window.
OptionValues linkmap_step_options(const OptionValues& run) {
  OptionValues values = run;
  values.set(window_option, run.value(bandwidth_window_option));
  return values;
}

std::optional<std::string> linkmap_left_out_of_all(std::span<const std::string> host_of_rank) {
  if (std::adjacent_find(host_of_rank.begin(), host_of_rank.end(), std::not_equal_to<>()) != host_of_rank.end()) {
    return std::nullopt;
  }
  return fmt::format("every rank is on one host ({}): there is no link between hosts to map (run "
                     "'mpibench linkmap' itself to compare pairs of ranks)",
                     host_of_rank.empty() ? std::string() : host_of_rank.front());
}

// ---- the verdict -----------------------------------------------------------------------

// A row's link: which step measured it says the metric (the latency step is pingpong's),
// its group says the ends.
struct LinkRow {
  std::string_view metric;
  int src;
  int dst;
  double value;  // MB/s or us
  double best;   // the favourable end of the median's CI, in the same unit
};

LinkRow link_row(const StepsRun& run, const StepRow& row) {
  const Step& step = run.steps[row.step];
  const std::vector<int>& ends = step.groups[row.group].members;
  const RowFigures& figures = row.figures;
  LinkRow link{step.measures == &pingpong_pattern ? latency : bandwidth, ends.at(0), ends.at(1), figures.median_us,
               figures.ci_low_us};
  if (link.metric == bandwidth) {
    const double rate = figures.bandwidth_mb_s.value_or(0);
    link.value = rate;
    link.best = figures.ci_low_us > 0 ? rate * figures.median_us / figures.ci_low_us : rate;
  }
  return link;
}

// The endpoints of the rows by index, named by host, or host:rank where a host has several.
struct Endpoints {
  std::map<int, int> index;  // by rank
  std::vector<std::string> names;
};

Endpoints endpoints_of(const StepsRun& run) {
  std::map<int, std::string> host_of;
  for (const StepRow& row : run.rows) {
    const LinkRow link = link_row(run, row);
    for (const int end : {link.src, link.dst}) host_of[end] = run.host_of_rank[static_cast<std::size_t>(end)];
  }
  std::set<std::string> hosts;
  for (const auto& [rank, host] : host_of) hosts.insert(host);
  Endpoints endpoints;
  for (const auto& [rank, host] : host_of) {
    endpoints.index[rank] = static_cast<int>(endpoints.names.size());
    endpoints.names.push_back(hosts.size() == host_of.size() ? host : fmt::format("{}:{}", host, rank));
  }
  return endpoints;
}

// Each link of `metric` measured at `pass`: the median of its figures over the repeats.
std::vector<LinkValue> links_at(const StepsRun& run, std::string_view metric, std::int64_t pass,
                                const Endpoints& endpoints) {
  std::map<std::pair<int, int>, std::pair<std::vector<double>, std::vector<double>>> figures;
  for (const StepRow& row : run.rows) {
    const LinkRow link = link_row(run, row);
    if (link.metric != metric || row.pass != pass) continue;
    auto& [values, bests] = figures[{link.src, link.dst}];
    values.push_back(link.value);
    bests.push_back(link.best);
  }
  std::vector<LinkValue> links;
  for (const auto& [ends, figure] : figures) {
    links.push_back(LinkValue{endpoints.index.at(ends.first), endpoints.index.at(ends.second),
                              median_of(figure.first), median_of(figure.second)});
  }
  return links;
}

SlowLinkRule rule_for(std::string_view metric, const OptionValues& values) {
  return SlowLinkRule{.higher_is_better = metric == bandwidth, .min_change = values.real(outlier_change_option)};
}

// The sweep's rows of every link the verdict would flag (and every link of a host it would
// flag): what is measured again before the verdict.
std::vector<std::size_t> linkmap_measure_again(const StepsRun& run, const OptionValues& values) {
  const Endpoints endpoints = endpoints_of(run);
  const int count = static_cast<int>(endpoints.names.size());
  std::vector<std::size_t> suspects;
  if (count < 3) return suspects;  // nothing can be singled out
  for (const std::string_view metric : {latency, bandwidth}) {
    const std::vector<LinkValue> links = links_at(run, metric, 1, endpoints);
    const SlowLinks slow = find_slow_links(links, count, rule_for(metric, values));
    std::set<std::pair<int, int>> flagged;
    for (const std::size_t i : slow.links) flagged.insert({links[i].a, links[i].b});
    for (const LinkValue& link : links) {
      for (const int host : slow.hosts) {
        if (link.a == host || link.b == host) flagged.insert({link.a, link.b});
      }
    }
    for (std::size_t r = 0; r < run.rows.size(); ++r) {
      const LinkRow link = link_row(run, run.rows[r]);
      if (link.metric != metric || run.rows[r].pass != 1) continue;
      if (flagged.count({endpoints.index.at(link.src), endpoints.index.at(link.dst)}) != 0) suspects.push_back(r);
    }
  }
  return suspects;
}

std::string verdict_line(std::string_view metric, std::span<const LinkValue> first,
                         std::span<const LinkValue> again, const std::vector<std::string>& names,
                         const SlowLinks& slow) {
  const bool directed = metric == bandwidth;
  const std::string_view unit = directed ? "MB/s" : "us";
  const auto number = [&](double value) { return fmt::format("{:.{}f}", value, directed ? 0 : 2); };
  const auto figure = [&](double value) { return fmt::format("{} {}", number(value), unit); };
  const auto name = [&](const LinkValue& link) {
    return fmt::format("{}{}{}", names[static_cast<std::size_t>(link.a)], directed ? "->" : "-",
                       names[static_cast<std::size_t>(link.b)]);
  };
  const auto change = [&](double value) {
    return slow.reference_median > 0 ? (value / slow.reference_median - 1) * 100 : 0;
  };
  const auto second_look = [&](const LinkValue& link) -> const LinkValue* {
    for (const LinkValue& other : again) {
      if (other.a == link.a && other.b == link.b) return &other;
    }
    return nullptr;
  };
  const bool flagged = !slow.hosts.empty() || !slow.links.empty();
  std::string line = fmt::format("linkmap {}: {} link{}{}, median {}{}", metric, first.size(),
                                 first.size() == 1 ? "" : "s", directed ? " (each direction one)" : "",
                                 figure(slow.reference_median),
                                 !slow.hosts.empty() && names.size() >= 3 ? " without the flagged hosts" : "");
  if (names.size() < 3) return line + "; three endpoints or more are needed to single out a link or a host";
  if (!flagged) line += "; none far from it";
  std::vector<std::string> hosts;
  for (const int host : slow.hosts) hosts.push_back(names[static_cast<std::size_t>(host)]);
  if (!hosts.empty()) line += fmt::format("; slow hosts: {}", fmt::join(hosts, " "));
  // A link counts at the more favourable of its two measurements.
  const auto judged = [&](const LinkValue& link) {
    const LinkValue* second = second_look(link);
    if (!second) return link.value;
    return directed ? std::max(link.value, second->value) : std::min(link.value, second->value);
  };
  // A host whose every link is slow is said once, with the range of its links (a broken
  // host at 256 hosts has 510), then the other slow links one by one.
  std::vector<std::string> slow_links;
  std::set<std::size_t> said;
  const std::size_t links_per_host = (names.size() - 1) * (directed ? 2 : 1);
  for (const int host : slow.hosts) {
    std::vector<double> values;
    std::vector<std::size_t> own;
    for (const std::size_t i : slow.links) {
      if (first[i].a != host && first[i].b != host) continue;
      own.push_back(i);
      values.push_back(judged(first[i]));
    }
    if (own.size() != links_per_host) continue;
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    const std::string lowest = number(*low);
    const std::string highest = number(*high);
    const std::string low_change = fmt::format("{:+.0f}%", change(*low));
    const std::string high_change = fmt::format("{:+.0f}%", change(*high));
    slow_links.push_back(fmt::format("every link of {} ({}) {} {} ({})", names[static_cast<std::size_t>(host)], own.size(),
                                     lowest == highest ? lowest : fmt::format("{} to {}", lowest, highest), unit,
                                     low_change == high_change ? low_change : fmt::format("{} to {}", low_change, high_change)));
    said.insert(own.begin(), own.end());
  }
  for (const std::size_t i : slow.links) {
    if (said.count(i) != 0) continue;
    const double value = judged(first[i]);
    slow_links.push_back(fmt::format("{} {} ({:+.0f}%)", name(first[i]), figure(value), change(value)));
  }
  if (!slow_links.empty()) line += fmt::format("; slow links: {}", fmt::join(slow_links, ", "));
  // What one measurement alone flagged: said, so that a flaky fabric shows.
  std::vector<std::string> cleared;
  for (const std::size_t i : slow.cleared_links) {
    const LinkValue& link = first[i];
    const LinkValue* second = second_look(link);
    cleared.push_back(fmt::format("{} {:+.0f}%, then {:+.0f}%", name(link), change(link.value),
                                  second ? change(second->value) : 0.0));
  }
  if (!cleared.empty()) line += fmt::format("; slow once, not when measured again: {}", fmt::join(cleared, ", "));
  return line;
}

RowsVerdict linkmap_verdict(const StepsRun& run, const OptionValues& values) {
  const Endpoints endpoints = endpoints_of(run);
  const std::vector<std::string>& names = endpoints.names;
  RowsVerdict verdict;
  bool flagged = false;
  for (const std::string_view metric : {latency, bandwidth}) {
    const std::vector<LinkValue> first = links_at(run, metric, 1, endpoints);
    if (first.empty()) continue;
    const std::vector<LinkValue> again = links_at(run, metric, 2, endpoints);
    const SlowLinks slow = confirm_slow_links(first, again, static_cast<int>(names.size()), rule_for(metric, values));
    if (names.size() >= 3) flagged = flagged || !slow.hosts.empty() || !slow.links.empty();
    verdict.lines.push_back(verdict_line(metric, first, again, names, slow));
  }
  if (flagged && values.flag(fail_on_outliers_option)) {
    verdict.failure = "linkmap flagged slow links or hosts (--fail-on-outliers)";
  }
  return verdict;
}

constexpr std::array examples{
    Example{"mpiexec -n 4 -ppn 1 -hosts h1,h2,h3,h4 mpibench linkmap -o map.csv",
            "every link of four hosts"},
    Example{"mpiexec -n 16 -ppn 1 mpibench linkmap --fail-on-outliers",
            "exit 1 when a link or host is slow"},
    Example{"mpibench-plot map.csv -o map.png",
            "the two matrices, slow links outlined"},
};

}  // namespace

constinit const PatternDefinition linkmap_pattern{
    .name = "linkmap",
    .summary = "all-pairs link map (as mpiGraph): latency and bandwidth of every pair of hosts, "
               "in rounds of disjoint pairs, and the links and hosts far below the rest",
    .examples = examples,
    .guide = "clusters.md",
    .sized_by = "--latency-bytes and --bandwidth-bytes",
    .options = options,
    .configuration_columns = columns,
    .result_columns = results,
    .left_out_of_all = linkmap_left_out_of_all,
    .steps = linkmap_steps,
    .step_options = linkmap_step_options,
    .measure_again = linkmap_measure_again,
    .verdict = linkmap_verdict,
};

}  // namespace mpibench
