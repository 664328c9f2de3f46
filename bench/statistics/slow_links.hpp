#pragma once
// Which links and hosts of an all-pairs measurement are far worse than the rest, by a rule
// that a few bad values cannot bend: medians and the median absolute deviation (MAD).
//
// Hosts first: a host's score is the median of its links. A host is slow when its score is
// far from the median score. Then links, against the links between hosts that are not slow
// (half the links of a 4-host cluster touch one slow host, which would drag a plain median):
// a link is slow when it is far from their median. "Far" is both beyond `fence` robust
// standard deviations (1.4826 x MAD, the normal-consistent scale) and `min_change` relative
// to the median, so that identical, noise-free values do not flag a 1% wobble.
#include <span>
#include <vector>

namespace mpibench {

struct LinkValue {
  int a;         // endpoints, 0 to endpoints - 1
  int b;
  double value;  // bandwidth or latency of the link (one direction of it, or both)
};

struct SlowLinkRule {
  bool higher_is_better = true;  // bandwidth; false for latency
  double fence = 3.5;            // robust standard deviations (Iglewicz and Hoaglin's 3.5)
  double min_change = 0.10;      // and at least 10% worse than the median
};

struct SlowLinks {
  std::vector<int> hosts;           // slow endpoints, ascending
  std::vector<std::size_t> links;   // indices into the input, ascending
  double reference_median = 0;      // of the links between hosts that are not slow
  double reference_mad = 0;
};

SlowLinks find_slow_links(std::span<const LinkValue> links, int endpoints, const SlowLinkRule& rule);

}  // namespace mpibench
