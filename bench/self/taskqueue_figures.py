#!/usr/bin/env python3
"""The task queue's figures for the README.

1. Overhead: at -n 2 (one worker), 8-byte payloads, no work, prefetch 1, the task queue's
   median round trip against pingpong's round trip (2 x its one-way latency). The two are
   launched alternately, LAUNCHES times each, and compared by their medians over launches:
   launch-to-launch noise on a small machine is larger than the difference sought.
2. Throughput at prefetch 1 and 4 (-n 2).
3. The broker hop: direct against --broker at -n 3 (oversubscribed on a 2-core machine;
   the script says so).

    bench/self/taskqueue_figures.py [--build build] [--launches 5]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "plots"))
import mpibench_csv  # noqa: E402


def run(build, ranks, *args):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.csv")
        subprocess.run(["mpiexec.mpich", "-n", str(ranks), os.path.join(build, "mpibench"), *args, "-q", "-o", out],
                       check=True, timeout=600, stderr=subprocess.DEVNULL)
        return mpibench_csv.read(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build")
    parser.add_argument("--launches", type=int, default=5)
    args = parser.parse_args()

    pp, tq = [], []
    for _ in range(args.launches):
        pp.append(2 * run(args.build, 2, "pingpong", "--sizes", "8").rows[0]["median_us"])
        tq.append(run(args.build, 2, "taskqueue", "--sizes", "8").rows[0]["median_us"])
    pp_rt, tq_rt = statistics.median(pp), statistics.median(tq)
    print(f"1. round trip at 8 B, -n 2, medians over {args.launches} launches each")
    print(f"   pingpong (2 x one-way): {pp_rt:.4f} us   taskqueue: {tq_rt:.4f} us   "
          f"ratio {tq_rt / pp_rt:.3f} (target 0.90 .. 1.10)")

    result = run(args.build, 2, "taskqueue", "--sizes", "8,1K,64K", "--prefetch", "1,4")
    print("2. throughput, -n 2 (one worker), no work")
    print(f"   {'bytes':>6} {'prefetch':>8} {'tasks/s':>12} {'median_us':>10}")
    for r in result.rows:
        print(f"   {r['bytes']:>6} {r['prefetch']:>8} {r['tasks_per_s']:>12.0f} {r['median_us']:>10.3f}")

    direct = run(args.build, 3, "taskqueue", "--sizes", "8,1K", "--workers", "1", "--tasks", "2000")
    broker = run(args.build, 3, "taskqueue", "--sizes", "8,1K", "--broker", "--tasks", "2000")
    print(f"3. broker hop, -n 3 (oversubscribed: {direct.metadata['oversubscribed']}), one worker")
    print(f"   {'bytes':>6} {'direct_us':>10} {'broker_us':>10} {'hop_cost_us':>11}")
    for d, b in zip(direct.rows, broker.rows):
        print(f"   {d['bytes']:>6} {d['median_us']:>10.3f} {b['median_us']:>10.3f} {b['median_us'] - d['median_us']:>11.3f}")


if __name__ == "__main__":
    main()
