#!/usr/bin/python3
"""Draws mpibench results: latency (median, with its 95% confidence interval as error bars)
and bandwidth against message size, on log axes, one line per distinct configuration
(pattern, ranks and any variant column such as window or root); for the task queue, also
throughput against the number of workers.

    python3 plots/plot.py results.csv [more.csv ...] -o results.png
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mpibench_csv  # noqa: E402

def merge_repeats(rows):
    """One point per size: with --repeat, the median over repeats of each statistic."""
    by_size = {}
    for r in rows:
        by_size.setdefault(r["bytes"], []).append(r)
    merged = []
    for size in sorted(by_size):
        group = by_size[size]
        point = dict(group[0])
        for column in ("median_us", "ci_low_us", "ci_high_us", "bandwidth_mb_s"):
            values = sorted(r[column] for r in group if r.get(column) is not None)
            if values:
                point[column] = values[len(values) // 2]
        merged.append(point)
    return merged


def configurations(results):
    """Groups rows by their configuration columns, in order of first appearance."""
    groups = {}
    for result in results:
        for row in result.rows:
            key = mpibench_csv.configuration(row, result)
            groups.setdefault(key, []).append(row)
    return groups


def label(key):
    parts = dict(key)
    text = f"{parts.pop('pattern', '?')} ({parts.pop('ranks', '?')} ranks)"
    extra = ", ".join(f"{k}={v}" for k, v in parts.items())
    return f"{text} {extra}" if extra else text


def draw_throughput(ax, rows):
    """Tasks per second against workers, one line per (payload, prefetch, work, broker); when
    only one worker count was measured, against payload size instead."""
    from matplotlib.ticker import MaxNLocator
    by_workers = len({r["workers"] for r in rows}) > 1
    x_column = "workers" if by_workers else "bytes"
    lines = {}
    for r in rows:
        key = (r["bytes"] if by_workers else r["workers"], r["prefetch"], r["work_us"], r["broker"])
        lines.setdefault(key, []).append(r)
    for (first, prefetch, work, broker), points in lines.items():
        points.sort(key=lambda r: r[x_column])
        head = f"{first} B" if by_workers else f"{first} worker{'s' if first != 1 else ''}"
        name = f"{head}, prefetch {prefetch}, work {work:g} us" + (", broker" if broker == "yes" else "")
        ax.plot([max(r[x_column], 0.5) for r in points], [r["tasks_per_s"] for r in points], marker="o",
                markersize=3, label=name)
    if by_workers:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("workers")
    else:
        ax.set_xscale("log", base=2)
        ax.set_xlabel("task payload (bytes; 0 B drawn at 0.5)")
    ax.set_ylabel("tasks per second")
    ax.set_yscale("log")
    ax.set_title("Task queue throughput")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7)


def fail(message):
    print(f"plot.py: error: {message}", file=sys.stderr)
    return 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="+", help="mpibench CSV files")
    parser.add_argument("-o", "--output", required=True, help="picture to write (.png, .svg, .pdf)")
    parser.add_argument("--title", help="title above the plots (default: the MPI library and hosts)")
    parser.add_argument("--allow-incomplete", action="store_true",
                        help="draw runs that did not complete (or .partial files); the picture says so")
    args = parser.parse_args()

    try:
        results = [mpibench_csv.read(path, args.allow_incomplete) for path in args.csv]
    except mpibench_csv.InputError as e:
        return fail(e)
    groups = configurations(results)
    if not groups:
        return fail(f"no result rows in {', '.join(mpibench_csv.shown(p) for p in args.csv)}")
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        return fail(f"matplotlib is missing ({e}); install python3-matplotlib and run with /usr/bin/python3")

    task_rows = [r for res in results for r in res.rows if r.get("tasks_per_s") is not None]
    fig, axes = plt.subplots(1, 3 if task_rows else 2, figsize=(19 if task_rows else 13, 5))
    lat_ax, bw_ax = axes[0], axes[1]
    for key, rows in groups.items():
        rows = merge_repeats(rows)
        # A log axis has no 0: the 0-byte point is drawn at 0.5 B and labelled so.
        x = [r["bytes"] if r["bytes"] > 0 else 0.5 for r in rows]
        median = [r["median_us"] for r in rows]
        below = [r["median_us"] - r["ci_low_us"] for r in rows]
        above = [r["ci_high_us"] - r["median_us"] for r in rows]
        lat_ax.errorbar(x, median, yerr=[below, above], marker="o", markersize=3, capsize=2, label=label(key))
        bw_rows = [r for r in rows if r["bytes"] > 0 and r.get("bandwidth_mb_s")]
        if bw_rows:
            bw_ax.plot([r["bytes"] for r in bw_rows], [r["bandwidth_mb_s"] for r in bw_rows],
                       marker="o", markersize=3, label=label(key))

    for ax in (lat_ax, bw_ax):
        ax.set_xscale("log", base=2)
        ax.set_xlabel("message size (bytes; 0 B drawn at 0.5)")
        ax.grid(True, which="both", alpha=0.3)
    lat_ax.set_yscale("log")
    lat_ax.set_ylabel("time per operation, median (µs)\nerror bars: 95% CI of the median")
    lat_ax.set_title("Latency")
    bw_ax.set_yscale("log")
    bw_ax.set_ylabel("bandwidth (MB/s, 10^6 B/s)")
    bw_ax.set_title("Bandwidth")
    lat_ax.legend(fontsize=8)
    if bw_ax.lines:
        bw_ax.legend(fontsize=8)
    else:
        bw_ax.set_visible(False)  # task queues alone have no bandwidth

    if task_rows:
        draw_throughput(axes[2], task_rows)

    meta = results[0].metadata
    title = args.title or f"{meta.get('mpi_library', '').split(';')[0]} | {meta.get('hosts', '')} | oversubscribed: {meta.get('oversubscribed', '?')}"
    unfinished = [r for r in results if r.incomplete]
    if unfinished:
        # Said in the picture itself: a copied PNG loses the command line that allowed it.
        title += "\nINCOMPLETE: " + "; ".join(
            f"{os.path.basename(str(r.path))}: {r.incomplete}" for r in unfinished)
    fig.suptitle(title, fontsize=10, color="firebrick" if unfinished else "black")
    fig.tight_layout()
    try:
        fig.savefig(args.output, dpi=110)
    except (OSError, ValueError) as e:
        return fail(f"cannot write {mpibench_csv.shown(args.output)}: {getattr(e, 'strerror', None) or e}")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
