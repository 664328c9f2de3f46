#!/usr/bin/python3
"""The across-hosts figures for the README, on namespace hosts (scripts/testbed, needs root).

1. linkmap on 4 hosts, h2's link limited to 100 MB/s: what the verdict flags, and how far the
   pairs through h2 read from the limit (TCP/IP headers take a few percent of the line rate).
2. bibw (2 hosts, 1 pair) and multibw (1 pair on 2 hosts, 2 pairs on 4 hosts): bandwidth and
   message rate, launched alternately, LAUNCHES times each, reported as medians over launches
   with their range: the launch is the unit of replication on this noisy VM.

Every run uses Open MPI's launcher and its TCP transport: runs of 3 or more ranks across the
namespace hosts hang MPICH 4.0.2 over UCX/TCP in MPI_Finalize (README, test bed).

    bench/self/host_figures.py [--build build-openmpi] [--launches 3]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(ROOT, "plots"))
import mpibench_csv  # noqa: E402


def on_testbed(build, hosts, ranks, args, slow=None):
    """One launch of mpibench on `hosts` namespace hosts; its CSV."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.csv")
        binary = os.path.abspath(os.path.join(build, "mpibench"))
        command = f"$MPIBENCH_TESTBED_MPIEXEC_OPENMPI -n {ranks} {binary} {' '.join(args)} -q -o {out}"
        testbed = [os.path.join(ROOT, "scripts", "testbed"), "run", "--hosts", str(hosts),
                   *(["--slow", slow] if slow else []), "--", "sh", "-c", command]
        proc = subprocess.run(testbed, capture_output=True, text=True, timeout=900)
        if proc.returncode not in (0, 1):
            sys.exit(f"host_figures: {' '.join(args)}: exit {proc.returncode}\n{proc.stderr}")
        return mpibench_csv.read(out)


def linkmap_figure(build):
    result = on_testbed(build, 4, 4, ["linkmap", "--bandwidth-window", "16"], slow="h2=100")
    print("1. linkmap, 4 hosts, h2 limited to 100 MB/s (tbf on both ends of its link), 1 MiB x 16")
    print(f"   {'link':<10} {'latency_us':>10} {'MB/s':>8} {'vs 100 MB/s':>11}")
    latency = {(r["src_host"], r["dst_host"]): r["median_us"] for r in result.rows if r["metric"] == "latency"}
    for r in result.rows:
        if r["metric"] != "bandwidth":
            continue
        pair = tuple(sorted((r["src_host"], r["dst_host"])))
        through = "h2" in pair
        versus = f"{r['bandwidth_mb_s'] / 100 - 1:+.1%}" if through else ""
        print(f"   {r['src_host'] + '->' + r['dst_host']:<10} {latency[pair]:>10.2f} "
              f"{r['bandwidth_mb_s']:>8.1f} {versus:>11}")
    for key, text in result.notes:
        if key == "verdict":
            print(f"   verdict: {text}")


def spread(values):
    return f"{statistics.median(values):.0f} ({min(values):.0f}..{max(values):.0f})"


def stream_figures(build, launches):
    sizes = "8,64K,1M"
    configurations = [
        ("bibw, 2 hosts, 1 pair", 2, 2, ["bibw"]),
        ("multibw, 2 hosts, 1 pair", 2, 2, ["multibw"]),
        ("multibw, 4 hosts, 2 pairs", 4, 4, ["multibw", "--pairs", "2"]),
    ]
    rows = {name: [] for name, *_ in configurations}
    for _ in range(launches):  # alternated: each launch of one next to a launch of the others
        for name, hosts, ranks, args in configurations:
            rows[name].append(on_testbed(build, hosts, ranks, [*args, "--sizes", sizes, "--window", "64"]).rows)
    print(f"2. streaming across hosts, window 64; medians over {launches} launches (range)")
    print(f"   {'':<27} {'bytes':>8} {'MB/s':>22} {'messages/s':>24}")
    for name, *_ in configurations:
        for i, size in enumerate(r["bytes"] for r in rows[name][0]):
            bandwidth = [launch[i]["bandwidth_mb_s"] for launch in rows[name]]
            rate = [launch[i].get("messages_per_s") or launch[i]["bandwidth_mb_s"] * 1e6 / size
                    for launch in rows[name]]
            print(f"   {name:<27} {size:>8} {spread(bandwidth):>22} {spread(rate):>24}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build-openmpi")
    parser.add_argument("--launches", type=int, default=3)
    args = parser.parse_args()
    linkmap_figure(args.build)
    stream_figures(args.build, args.launches)


if __name__ == "__main__":
    main()
