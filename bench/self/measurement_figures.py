#!/usr/bin/env python3
"""Figures for the measurement method (README, "Measurement you can trust").

1. Time to result: the default sweep (pingpong, 0 B - 4 MiB, -n 2) at the default adaptive
   precision, against mpibench's fixed mode with OSU's counts (10000 operations per size,
   1000 above 8 KiB) on the same sizes: wall time and achieved precision (ci_rel).
2. bcast at small sizes, -n 2, under --sync barrier and --sync window.

    bench/self/measurement_figures.py [--build build]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "plots"))
import mpibench_csv  # noqa: E402


def timed_run(build, *args):
    """(rows, wall seconds) of one mpiexec -n 2 run."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.csv")
        start = time.monotonic()
        subprocess.run(["mpiexec.mpich", "-n", "2", os.path.join(build, "mpibench"), *args, "-q", "-o", out],
                       check=True, timeout=1200)
        return mpibench_csv.read(out).rows, time.monotonic() - start


def precision_summary(rows):
    rel = [r["ci_rel"] * 100 for r in rows]
    return f"ci_rel median {statistics.median(rel):.2f}%, worst {max(rel):.2f}%"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build")
    args = parser.parse_args()

    adaptive, t_adaptive = timed_run(args.build, "pingpong")
    tight, t_tight = timed_run(args.build, "pingpong", "--precision", "0.25%")
    small, t_small = timed_run(args.build, "pingpong", "--sizes", "0:8K", "--iterations", "10000", "--warmup", "1000")
    large, t_large = timed_run(args.build, "pingpong", "--sizes", "16K:4M", "--iterations", "1000", "--warmup", "100")
    print("1. default sweep, pingpong 0 B - 4 MiB, -n 2 (wall time includes mpiexec start-up)")
    print(f"   adaptive (default, 1%): {t_adaptive:6.2f} s   {precision_summary(adaptive)}")
    print(f"   adaptive at 0.25%:      {t_tight:6.2f} s   {precision_summary(tight)}")
    print(f"   fixed, OSU's counts:    {t_small + t_large:6.2f} s   {precision_summary(small + large)}")
    print(f"   {'bytes':>8} {'adaptive_ci_rel':>16} {'adaptive_samples':>17} {'fixed_ci_rel':>13} {'fixed_samples':>14}")
    for a, f in zip(adaptive, small + large):
        print(f"   {a['bytes']:>8} {a['ci_rel'] * 100:>15.2f}% {a['samples']:>17} {f['ci_rel'] * 100:>12.2f}% {f['samples']:>14}")

    print("2. bcast, -n 2, median_us (rank_min_us) under each synchronization")
    runs = {sync: timed_run(args.build, "bcast", "--sizes", "0:1K", "--sync", sync)[0] for sync in ("barrier", "window")}
    print(f"   {'bytes':>6} {'barrier':>18} {'window':>18} {'invalid':>8}")
    for b, w in zip(runs["barrier"], runs["window"]):
        print(f"   {b['bytes']:>6} {b['median_us']:>9.3f} ({b['rank_min_us']:.3f}) {w['median_us']:>9.3f} ({w['rank_min_us']:.3f}) {w['invalid']:>8}")


if __name__ == "__main__":
    main()
