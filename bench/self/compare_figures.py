#!/usr/bin/python3
"""Figures for `mpibench compare`: does the regression gate stay quiet on identical code, and
does it find a real change?

A/A: COMPARISONS comparisons of LAUNCHES vs LAUNCHES launches of the same binary
(`pingpong --sizes 0:1M`), the two sides interleaved launch by launch; how many comparisons
flag anything, and how many rows in all. The same launches through the old one-launch rule
(non-overlapping confidence intervals, `compare --single-launch` on the first launch of each
side), for contrast.

A/B: the candidate runs with a UCX setting that changes some sizes only
(UCX_RNDV_THRESH=1024: messages of 1 KiB and more use the rendezvous protocol, which costs
a handshake), LAUNCHES vs LAUNCHES interleaved. Every size whose change (median over
launches) is at least twice the threshold should be flagged, none below half of it.

Each launch's regime is recorded (this VM switches between a fast and a slow one: 0 B
one-way under 0.3 us is called fast).

    bench/self/compare_figures.py [--build build] [--comparisons 10] [--launches 8]
"""

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "plots"))
import mpibench_csv  # noqa: E402

MPIEXEC = "mpiexec.mpich"
SWEEP = ["pingpong", "--sizes", "0:1M", "-q"]
THRESHOLD = 0.05


def launch(binary, out, env=None):
    subprocess.run([MPIEXEC, "-n", "2", binary, *SWEEP, "-o", out], check=True, timeout=300,
                   env={**os.environ, **(env or {})})
    zero = next(r for r in mpibench_csv.read(out).rows if r["bytes"] == 0)
    return "fast" if zero["median_us"] < 0.3 else "slow"


def compare(binary, base, cand, *extra):
    """(exit code, {(configuration, bytes): verdict row}) of one `mpibench compare`."""
    with tempfile.TemporaryDirectory() as tmp:
        verdicts = os.path.join(tmp, "v.csv")
        proc = subprocess.run([binary, "compare", "--baseline", *base, "--candidate", *cand, "-o", verdicts,
                               *extra], capture_output=True, text=True, timeout=300)
        if proc.returncode == 2:
            sys.exit(f"compare failed: {proc.stderr}")
        rows = mpibench_csv.read(verdicts).rows
    return proc.returncode, {(r["configuration"], r["bytes"]): r for r in rows}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(HERE, "..", "..", "build"))
    parser.add_argument("--comparisons", type=int, default=10)
    parser.add_argument("--launches", type=int, default=8)
    args = parser.parse_args()
    binary = os.path.abspath(os.path.join(args.build, "mpibench"))
    n = args.launches
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        regimes = []
        aa_flagged, aa_rows, old_flagged, old_rows = 0, 0, 0, 0
        for c in range(args.comparisons):
            base, cand = [], []
            for i in range(n):
                for side, files in (("base", base), ("cand", cand)):
                    out = os.path.join(tmp, f"aa{c}-{side}{i}.csv")
                    regimes.append(launch(binary, out))
                    files.append(out)
            code, rows = compare(binary, base, cand)
            flagged = sum(1 for r in rows.values() if r["verdict"])
            aa_flagged += flagged > 0
            aa_rows += flagged
            code, rows = compare(binary, base[:1], cand[:1], "--single-launch")
            flagged_old = sum(1 for r in rows.values() if r["verdict"])
            old_flagged += flagged_old > 0
            old_rows += flagged_old
            print(f"A/A {c + 1}: {flagged} rows flagged over {n} vs {n} launches; one-launch rule: {flagged_old}",
                  flush=True)
        aa_time = time.monotonic() - start

        ab_start = time.monotonic()
        base, cand, ab_regimes = [], [], []
        for i in range(n):
            out = os.path.join(tmp, f"ab-base{i}.csv")
            ab_regimes.append(launch(binary, out))
            base.append(out)
            out = os.path.join(tmp, f"ab-cand{i}.csv")
            ab_regimes.append(launch(binary, out, {"UCX_RNDV_THRESH": "1024"}))
            cand.append(out)
        code, rows = compare(binary, base, cand)
        ab_time = time.monotonic() - ab_start

    print()
    print(f"A/A, {args.comparisons} comparisons of {n} vs {n} launches (threshold 5%, Benjamini-Hochberg, alpha 0.05):")
    print(f"  comparisons that flag anything: {aa_flagged} of {args.comparisons}; rows flagged in all: {aa_rows} "
          f"of {args.comparisons * len(rows)}")
    print(f"  the old one-launch rule on the same launches: {old_flagged} of {args.comparisons} comparisons, "
          f"{old_rows} rows")
    print(f"  launches in the fast regime: {regimes.count('fast')} of {len(regimes)}")
    print()
    print(f"A/B, UCX_RNDV_THRESH=1024 on the candidate, {n} vs {n} launches (exit {code}):")
    print(f"  {'bytes':>8} {'medians':>8} {'change':>8} {'interval':>20} {'q':>8}  verdict   expected")
    misses = 0
    for (configuration, size), r in sorted(rows.items(), key=lambda kv: kv[0][1]):
        # What the setting did to this size: the ratio of the medians over launches.
        effect = r["candidate_us"] / r["baseline_us"] - 1
        expected = "flag" if abs(effect) >= 2 * THRESHOLD else ("quiet" if abs(effect) < THRESHOLD / 2 else "either")
        ok = (expected == "either" or (expected == "flag") == bool(r["verdict"]))
        misses += not ok
        print(f"  {size:>8} {effect * 100:>+7.1f}% {r['change'] * 100:>+7.1f}% [{r['change_low'] * 100:>+7.1f}%, {r['change_high'] * 100:>+7.1f}%]"
              f" {r['q']:>8.2g}  {r['verdict'] or '-':<11} {expected}{'' if ok else '  MISSED'}")
    print(f"  launches in the fast regime: {ab_regimes.count('fast')} of {len(ab_regimes)}; sizes not as expected: "
          f"{misses}")
    print()
    print(f"wall time: A/A study {aa_time:.0f} s; A/B study (what a CI gate of {n} vs {n} launches costs) "
          f"{ab_time:.0f} s")


if __name__ == "__main__":
    main()
