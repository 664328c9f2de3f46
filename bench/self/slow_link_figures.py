#!/usr/bin/python3
"""linkmap, with its defaults, against the rate of one broken link (the cluster issue's
fabric), on 4 namespace hosts (scripts/testbed, needs root): h2's link limited by tbf to each
RATE in MB/s, the other links unlimited (1 GB/s or more here). For each launch: the wall time
of the launch, what went through h2's link (its counters on the machine's side, both ways),
whether the verdict names h2 and flags exactly its 6 links, and the samples and stop reason of
the rows through h2.

Open MPI's launcher and TCP transport, as every run of more than 2 ranks on the test bed.
Nothing else should run beside it: the slow link is the signal, the cores must not be.

    bench/self/slow_link_figures.py [--build build-openmpi] [--rates 10,30,100] [--launches 1]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(ROOT, "plots"))
import mpibench_csv  # noqa: E402
import linkmap_heatmap  # noqa: E402


def launch(build, rate):
    """One linkmap launch with h2 at `rate` MB/s: (seconds, bytes through h2's link, result)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "map.csv")
        binary = os.path.abspath(os.path.join(build, "mpibench"))
        counters = "/sys/class/net/$MPIBENCH_TESTBED_SLOW_LINK/statistics"
        command = (f"$MPIBENCH_TESTBED_MPIEXEC_OPENMPI -n 4 {binary} linkmap --fail-on-outliers -q -o {out}; "
                   f"status=$?; cat {counters}/rx_bytes {counters}/tx_bytes; exit $status")
        testbed = [os.path.join(ROOT, "scripts", "testbed"), "run", "--hosts", "4", "--slow", f"h2={rate}",
                   "--", "sh", "-c", command]
        start = time.monotonic()
        proc = subprocess.run(testbed, capture_output=True, text=True, timeout=1800)
        seconds = time.monotonic() - start
        moved = sum(int(line) for line in proc.stdout.split())
        if proc.returncode not in (0, 1):
            sys.exit(f"slow_link_figures: h2={rate}: exit {proc.returncode}\n{proc.stderr}")
        if not os.path.exists(out):  # stopped: the error line says why
            errors = [l for l in proc.stderr.splitlines() if l.startswith("mpibench: error:")]
            return seconds, moved, errors[0] if errors else f"exit {proc.returncode}"
        return seconds, moved, mpibench_csv.read(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build-openmpi"))
    parser.add_argument("--rates", default="10,30,100")
    parser.add_argument("--launches", type=int, default=1)
    args = parser.parse_args()
    rates = [int(r) for r in args.rates.split(",")]
    print("linkmap with its defaults, 4 namespace hosts, h2's link at RATE MB/s (tbf, both ways)")
    print(f"{'MB/s':>5} {'wall s':>7} {'MiB via h2':>10} {'verdict':<26} {'h2 rows: samples, stop':<28}")
    for _ in range(args.launches):
        for rate in rates:
            seconds, moved, result = launch(args.build, rate)
            if isinstance(result, str):
                print(f"{rate:>5} {seconds:>7.1f} {moved / 2 ** 20:>10.0f} did not finish: {result}")
                continue
            verdict = [text for key, text in result.notes if key == "verdict"][1]
            through = [r for r in result.rows if r["metric"] == "bandwidth" and "h2" in (r["src_host"], r["dst_host"])]
            expected = sorted({f"{r['src_host']}->{r['dst_host']}" for r in through})
            labels = list(linkmap_heatmap.endpoint_names(result.rows).values())
            flagged = sorted(f"{a}->{b}" for a, b in linkmap_heatmap.flagged_links(result.notes, "bandwidth", labels))
            exact = "slow hosts: h2;" in verdict and flagged == expected
            samples = sorted({r["samples"] for r in through})
            stops = sorted({r["stop"] for r in through})
            print(f"{rate:>5} {seconds:>7.1f} {moved / 2 ** 20:>10.0f} "
                  f"{'h2 and exactly its 6 links' if exact else 'WRONG: ' + verdict[:60]:<26} "
                  f"{'/'.join(map(str, samples))}, {'/'.join(stops)}")


if __name__ == "__main__":
    main()
