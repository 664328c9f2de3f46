#!/usr/bin/env python3
"""Fidelity benchmark: does mpibench's harness add anything to what it measures, and how
stable are its figures from one launch to the next?

Launches the minimal hand-written ping-pong (minimal_pingpong.c) and `mpibench pingpong`
alternately, LAUNCHES times each on the same ranks, and prints per size the median over
launches of each one's one-way latency and their ratio (mpibench / minimal). One launch each
would prove nothing: launch-to-launch noise on a small machine reaches several percent.

    bench/self/fidelity/fidelity.py [--build build] [--launches 5] [--ranks 2] [--bind]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "plots"))
import mpibench_csv  # noqa: E402

SIZES = [0, 8, 1024, 65536, 1048576]


MPIEXEC = ["mpiexec.mpich"]


def minimal(build, ranks):
    """{bytes: (mean_us, median_us)} from one launch of the minimal loop."""
    out = subprocess.run([*MPIEXEC, "-n", str(ranks), os.path.join(build, "bench", "self", "fidelity", "minimal_pingpong"),
                          *map(str, SIZES)], capture_output=True, text=True, check=True, timeout=300).stdout
    return {int(b): (float(mean), float(median)) for b, mean, median in (line.split() for line in out.splitlines())}


def mpibench(build, ranks, extra):
    """{bytes: (mean_us, median_us)} from one launch of mpibench pingpong."""
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "pp.csv")
        subprocess.run([*MPIEXEC, "-n", str(ranks), os.path.join(build, "mpibench"), "pingpong",
                        "--sizes", ",".join(map(str, SIZES)), "-q", "-o", csv, *extra],
                       check=True, timeout=300)
        return {r["bytes"]: (r["mean_us"], r["median_us"]) for r in mpibench_csv.read(csv).rows}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build")
    parser.add_argument("--launches", type=int, default=5)
    parser.add_argument("--ranks", type=int, default=2)
    parser.add_argument("--bind", action="store_true", help="launch both with mpiexec -bind-to core")
    parser.add_argument("mpibench_args", nargs="*", help="extra mpibench options (after --)")
    args = parser.parse_args()
    if args.bind:
        MPIEXEC.extend(["-bind-to", "core"])
    loop = os.path.join(args.build, "bench", "self", "fidelity", "minimal_pingpong")
    if not os.path.exists(loop):
        sys.exit(f"fidelity.py: {loop} is not built; configure with "
                 f"cmake -DMPIBENCH_SELF_BENCHMARKS=ON {os.path.abspath(args.build)} and build again")

    ref, ours = {s: [] for s in SIZES}, {s: [] for s in SIZES}
    for launch in range(args.launches):
        print(f"launch {launch + 1}/{args.launches}", file=sys.stderr)
        for size, us in minimal(args.build, args.ranks).items():
            ref[size].append(us)
        for size, us in mpibench(args.build, args.ranks, args.mpibench_args).items():
            ours[size].append(us)

    print(f"one-way latency in us, medians over {args.launches} launches each, -n {args.ranks}"
          f"{', ranks bound to cores' if args.bind else ''}")
    print(f"{'bytes':>8}  {'minimal':>9} {'mpibench':>9} {'ratio':>6}   |  {'minimal':>9} {'mpibench':>9} {'ratio':>6}")
    print(f"{'':>8}  {'median of batch means':^26}   |  {'mean of all operations':^26}")
    worst = 0.0
    for size in SIZES:
        row = f"{size:>8}"
        for i, sep in ((1, "  "), (0, "   |  ")):
            m = statistics.median(v[i] for v in ref[size])
            b = statistics.median(v[i] for v in ours[size])
            if i == 1:
                worst = max(worst, abs(b / m - 1))
            row += f"{sep}{m:>9.4f} {b:>9.4f} {b / m:>6.3f}"
        print(row)
    print(f"largest deviation of the medians: {worst * 100:.1f}% (target: within 5%)")
    print()
    print(f"run-to-run stability: coefficient of variation of the median over {args.launches} launches")
    print(f"{'bytes':>8}  {'minimal':>8}  {'mpibench':>8}")
    for size in SIZES:
        cv = [statistics.stdev(v) / statistics.mean(v) * 100
              for v in ([x[1] for x in ref[size]], [x[1] for x in ours[size]])]
        print(f"{size:>8}  {cv[0]:>7.2f}%  {cv[1]:>7.2f}%")


if __name__ == "__main__":
    main()
