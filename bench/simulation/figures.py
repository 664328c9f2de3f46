#!/usr/bin/python3
"""Draws and tabulates what bench/simulation/figures.sh ran: simulated against predicted
collectives (flat cluster and fat tree), mpibench's own time between samples against ranks,
wall time and memory against simulated ranks, and the link maps' verdicts.

    figures.py OUT        reads OUT/..., writes OUT/simulation.png and OUT/figures.md
"""
import csv
import glob
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "plots"))
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import mpibench_csv  # noqa: E402


def rows(path):
    with open(path) as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def predictions(out, platform):
    """Every study of `platform` (OUT/cluster, OUT/cluster-4096, ...): their predictions' rows."""
    found = []
    for path in sorted(glob.glob(os.path.join(out, platform + "*", "predictions.csv"))):
        found += mpibench_csv.read(path).rows
    return found


def between(out):
    """Ranks -> (between_us at 8 B, at 1 MiB) from the binomial bcast runs on the flat cluster."""
    found = {}
    for path in glob.glob(os.path.join(out, "cluster*", "bcast-binomial_tree-*.csv")):
        result = mpibench_csv.read(path)
        by_size = {r["bytes"]: r["between_us"] for r in result.rows}
        found[result.rows[0]["ranks"]] = (by_size.get(8), by_size.get(1048576))
    return dict(sorted(found.items()))


def table(title, header, alignment, body):
    return [title, "", "| " + " | ".join(header) + " |", "|" + "|".join(alignment) + "|", *body, ""]


def summary(verdict):
    """A link map verdict without its list of links: how many, and how many touch a slow host."""
    head, _, links = verdict.partition("; slow links: ")
    if not links:
        return head
    slow_hosts = head.partition("slow hosts: ")[2].split()
    names = [link.split()[0] for link in links.split(", ")]
    through = sum(1 for name in names if any(host in name.split("->") for host in slow_hosts))
    return f"{head}; {len(names)} slow links, {through} of them through a slow host"


def markdown(out):
    lines = ["Simulated / predicted (the cost models of `mpibench model`, fitted to a simulated 2-rank pingpong):", ""]
    for platform in ("cluster", "fat-tree"):
        predicted = predictions(out, platform)
        if not predicted:
            continue
        all_ranks = sorted({r["ranks"] for r in predicted})
        body = []
        keys = sorted({(r["pattern"], r["algorithm"], r["bytes"]) for r in predicted},
                      key=lambda k: (["bcast", "reduce", "allreduce"].index(k[0]), k[1], k[2]))
        for pattern, algorithm, size in keys:
            cells = {r["ranks"]: r["ratio"] for r in predicted
                     if (r["pattern"], r["algorithm"], r["bytes"]) == (pattern, algorithm, size)}
            body.append(f"| {pattern} | {algorithm} | {size} | "
                        + " | ".join(f"{cells[n]:.3f}" if n in cells else "" for n in all_ranks) + " |")
        lines += table(f"platforms/{platform}-N.xml, simulated / predicted:",
                       ["collective", "algorithm", "bytes", *map(str, all_ranks)],
                       ["---", "---", "---:"] + ["---:"] * len(all_ranks), body)
    spent = between(out)
    if spent:
        lines += table("mpibench's time between two samples (between_us, simulated, rank 0), binomial bcast:",
                       ["ranks", "8 B", "1 MiB"], ["---:"] * 3,
                       [f"| {n} | {a:.1f} | {b:.1f} |" for n, (a, b) in spent.items()])
    wall = os.path.join(out, "wall.csv")
    if os.path.exists(wall):
        body = [f"| {r['ranks']} | {float(r['wall_s']):.1f} | {int(r['max_rss_kb']) / 1024:.0f} | "
                f"{int(r['max_rss_kb']) / int(r['ranks']):.0f} |" for r in rows(wall)]
        lines += table("An 8 B bcast (one size) under smpirun on this 2-core machine:",
                       ["ranks", "wall (s)", "max resident (MB)", "per rank (KB)"], ["---:"] * 4, body)
    lm_wall = os.path.join(out, "linkmap-wall.csv")
    if os.path.exists(lm_wall):
        body = []
        for r in rows(lm_wall):
            hosts = int(r["hosts"])
            path = os.path.join(out, f"linkmap-{hosts}.csv")
            if not os.path.exists(path):
                continue
            result = mpibench_csv.read(path)
            found = [summary(line.split("# verdict: ", 1)[1].strip())
                     for line in open(path) if line.startswith("# verdict:")]
            body.append(f"| {hosts} | {float(r['wall_s']):.0f} | {max(x['round'] for x in result.rows)} | "
                        + "<br>".join(found) + " |")
        lines += table("The link map (`--concurrency all`), node-17's link slowed tenfold:",
                       ["hosts", "wall (s)", "rounds", "verdicts"], ["---:"] * 3 + ["---"], body)
    return "\n".join(lines)


def draw(out):
    fig, axes = plt.subplots(1, 3, figsize=(17, 6))
    ratio_ax, between_ax, wall_ax = axes
    for platform, marker in (("cluster", "o"), ("fat-tree", "s")):
        predicted = predictions(out, platform)
        for key in sorted({(r["pattern"], r["algorithm"], r["bytes"]) for r in predicted}):
            points = sorted((r["ranks"], r["ratio"]) for r in predicted if (r["pattern"], r["algorithm"], r["bytes"]) == key)
            label = f"{platform}: {key[0]} {key[1]} {'8 B' if key[2] == 8 else '1 MiB'}"
            ratio_ax.plot([p[0] for p in points], [p[1] for p in points], marker=marker, label=label,
                          linestyle="-" if platform == "cluster" else ":")
    ratio_ax.axhspan(0.95, 1.05, color="0.9", zorder=0)
    ratio_ax.set(xscale="log", xlabel="simulated ranks", ylabel="simulated / predicted",
                 title="collectives against their cost models")
    ratio_ax.legend(fontsize=6, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.14))
    spent = between(out)
    if spent:
        between_ax.plot(list(spent), [v[0] for v in spent.values()], marker="o", label="8 B")
        between_ax.plot(list(spent), [v[1] for v in spent.values()], marker="o", label="1 MiB")
        between_ax.set(xscale="log", xlabel="simulated ranks", ylabel="µs (simulated)",
                       title="mpibench's time between samples (bcast)")
        between_ax.legend()
    wall = os.path.join(out, "wall.csv")
    if os.path.exists(wall):
        measured = rows(wall)
        ranks = [int(r["ranks"]) for r in measured]
        wall_ax.plot(ranks, [float(r["wall_s"]) for r in measured], marker="o", label="wall time (s)")
        wall_ax.plot(ranks, [int(r["max_rss_kb"]) / 1024 for r in measured], marker="s", label="max resident (MB)")
        wall_ax.set(xscale="log", yscale="log", xlabel="simulated ranks", title="an 8 B bcast on this 2-core machine")
        wall_ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(out, "simulation.png"), dpi=110, bbox_inches="tight")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    text = markdown(out)
    with open(os.path.join(out, "figures.md"), "w") as f:
        f.write(text)
    print(text)
    draw(out)
    print(f"wrote {os.path.join(out, 'simulation.png')} and {os.path.join(out, 'figures.md')}")


if __name__ == "__main__":
    main()
