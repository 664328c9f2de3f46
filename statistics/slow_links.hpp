#pragma once
// Which links and hosts of an all-pairs measurement are far worse than the rest, by rules
// that a few bad values or a noisy fabric cannot bend.
//
// Hosts first: a host is slow when its links are worse than the links that do not touch it,
// by a one-sided Mann-Whitney test (exact while small, its normal approximation at dozens of
// hosts; p below `alpha` after Holm's correction over the
// hosts: with 4 hosts and both directions of each link, 6 links against 6, all of a host's
// links below all the others give p = 1/924) and their median is at least `min_change` worse.
// A rank test needs no assumption about how much unaffected links vary, which on a shared
// machine is a lot. Then links, against the links between hosts that are not slow (half the
// links of a 4-host cluster touch one slow host, which would drag a plain median): a link is
// slow when it is both beyond `fence` robust standard deviations (1.4826 x MAD, the
// normal-consistent scale) of their median and `min_change` worse, so that identical,
// noise-free values do not flag a 1% wobble; a link through a slow host needs only the
// `min_change`. A link whose measurement may be as good as the rest (`best`) is never slow.
#include <limits>
#include <span>
#include <vector>

namespace mpibench {

struct LinkValue {
  int a;         // endpoints, 0 to endpoints - 1
  int b;
  double value;  // bandwidth or latency of the link (one direction of it, or both)
  // The most favourable value the measurement allows (the better end of the confidence
  // interval of its median); NaN when unknown. A link is flagged only when this too is far
  // worse: an imprecise measurement that may be as good as the rest is not a slow link.
  double best = std::numeric_limits<double>::quiet_NaN();
};

struct SlowLinkRule {
  bool higher_is_better = true;  // bandwidth; false for latency
  double fence = 3.5;            // robust standard deviations (Iglewicz and Hoaglin's 3.5)
  double min_change = 0.10;      // and at least 10% worse than the median
  double alpha = 0.05;           // a slow host's rank test, after correction
};

struct SlowLinks {
  std::vector<int> hosts;           // slow endpoints, ascending
  std::vector<std::size_t> links;   // indices into the input, ascending
  double reference_median = 0;      // of the links between hosts that are not slow
  double reference_mad = 0;
  // After a second look (confirm_slow_links): flagged by the first measurement alone.
  std::vector<int> cleared_hosts;
  std::vector<std::size_t> cleared_links;
};

SlowLinks find_slow_links(std::span<const LinkValue> links, int endpoints, const SlowLinkRule& rule);

// The verdict after a second look. A shared machine or fabric slows a healthy link now and
// then, for one measurement; a broken one stays slow. `again` holds the links measured once
// more (by their endpoints, in any order; typically what find_slow_links flagged in `first`).
// A link counts at the more favourable of its two measurements, and only what both the first
// measurement and that judgement flag is slow; the rest of the first flags are `cleared_*`.
SlowLinks confirm_slow_links(std::span<const LinkValue> first, std::span<const LinkValue> again,
                             int endpoints, const SlowLinkRule& rule);

}  // namespace mpibench
