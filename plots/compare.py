#!/usr/bin/env python3
"""Compares two mpibench runs for a regression check in CI.

    python3 plots/compare.py BASELINE.csv CANDIDATE.csv [--threshold 5%]

Rows are matched by configuration (pattern, ranks, bytes and the pattern's own columns).
A size is a regression when the candidate's median is slower than the baseline's by more
than --threshold *and* the two 95% confidence intervals of the median do not overlap: a
difference that is large but inside the noise, or clear but negligible, is not flagged.
Improvements are reported the same way. Exit status: 0 no regression, 1 at least one
regression, 2 the files cannot be compared.
"""

import argparse
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mpibench_csv  # noqa: E402


def fraction(text):
    value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    if not 0 <= value < 10:
        raise argparse.ArgumentTypeError(f"bad threshold {text!r}")
    return value


def by_configuration(result):
    """{(configuration, bytes): [rows]} — several rows when the run used --repeat."""
    rows = {}
    for row in result.rows:
        rows.setdefault((mpibench_csv.configuration(row, result), row["bytes"]), []).append(row)
    return rows


def summary(rows):
    """Median and CI of a configuration; over repeats, the median of each."""
    return tuple(statistics.median(r[c] for r in rows) for c in ("median_us", "ci_low_us", "ci_high_us"))


def label(key):
    config, size = key
    parts = dict(config)
    extra = " ".join(f"{k}={v}" for k, v in parts.items() if k not in ("pattern", "ranks"))
    return f"{parts.get('pattern')} ranks={parts.get('ranks')} {extra} {size} B".replace("  ", " ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline")
    parser.add_argument("candidate")
    parser.add_argument("--threshold", type=fraction, default=0.05,
                        help="smallest slowdown that counts (0.05 or 5%%; default 5%%)")
    args = parser.parse_args()
    try:
        # An incomplete run is refused: its missing rows would read as "no regression".
        old, new = (by_configuration(mpibench_csv.read(p)) for p in (args.baseline, args.candidate))
    except mpibench_csv.InputError as e:
        print(f"compare.py: error: {e}", file=sys.stderr)
        return 2
    common = [k for k in old if k in new]
    if not common:
        print("compare.py: error: the two runs have no configuration in common", file=sys.stderr)
        return 2

    regressions = improvements = 0
    print(f"{'configuration':<48} {'baseline_us':>11} {'candidate_us':>12} {'change':>8}  verdict")
    for key in common:
        o_med, o_low, o_high = summary(old[key])
        n_med, n_low, n_high = summary(new[key])
        change = n_med / o_med - 1 if o_med > 0 else 0.0
        verdict = ""
        if change > args.threshold and n_low > o_high:
            verdict, regressions = "REGRESSION", regressions + 1
        elif change < -args.threshold and n_high < o_low:
            verdict, improvements = "improvement", improvements + 1
        elif abs(change) > args.threshold:
            verdict = "within noise (CIs overlap)"
        print(f"{label(key):<48} {o_med:>11.4g} {n_med:>12.4g} {change * 100:>7.1f}%  {verdict}")
    missing = len(old) - len(common)
    if missing:
        # A candidate that lacks rows cannot pass: what it did not measure was not checked.
        print(f"compare.py: error: {missing} of {len(old)} baseline configurations are missing from the "
              f"candidate", file=sys.stderr)
        return 2
    print(f"{len(common)} configurations compared, "
          f"{regressions} regressions, {improvements} improvements, threshold {args.threshold * 100:g}%")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
